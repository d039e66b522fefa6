package dev.tidesk.workspace;

import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins and heads add colleagues: agents, personal managers, specialists with their specialty.
 * A colleague added without a password is invited by e-mail to choose one.
 */
@Controller
class StaffAdminController {

    private final StaffDirectory staff;
    private final MessageSource messages;

    StaffAdminController(StaffDirectory staff, MessageSource messages) {
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping("/desk/admin/staff")
    String list(@AuthenticationPrincipal TideskUser me, Model model) {
        model.addAttribute("staff", staff.everyone());
        // only an admin grants the admin role, so only an admin is offered it
        model.addAttribute(
                "roles",
                me.hasRole(Role.ADMIN)
                        ? new Role[] {Role.AGENT, Role.MANAGER, Role.SPECIALIST, Role.HEAD, Role.ADMIN}
                        : new Role[] {Role.AGENT, Role.MANAGER, Role.SPECIALIST, Role.HEAD});
        model.addAttribute("specialties", Specialty.values());
        return "workspace/admin/staff";
    }

    @PostMapping("/desk/admin/staff")
    String hire(
            @RequestParam String fullName,
            @RequestParam String email,
            @RequestParam Role role,
            @RequestParam(required = false) Specialty specialty,
            @RequestParam(required = false) String password,
            @AuthenticationPrincipal TideskUser me,
            RedirectAttributes redirect) {
        boolean invite = password == null || password.isBlank();
        StaffView member = staff.hire(fullName, email, role, role == Role.SPECIALIST ? specialty : null, password, me);
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        invite ? "admin.staff.invited" : "admin.staff.created",
                        new Object[] {member.fullName(), member.email()},
                        LocaleContextHolder.getLocale()));
        return "redirect:/desk/admin/staff";
    }

    /** A colleague moves to another role; only an admin grants or removes the admin role. */
    @PostMapping("/desk/admin/staff/{id}/role")
    String changeRole(
            @PathVariable long id,
            @RequestParam Role role,
            @RequestParam(required = false) Specialty specialty,
            @AuthenticationPrincipal TideskUser me,
            RedirectAttributes redirect) {
        StaffView member = staff.changeRole(id, role, specialty, me);
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        "admin.staff.roleChanged",
                        new Object[] {
                            member.fullName(),
                            messages.getMessage("role." + member.role(), null, LocaleContextHolder.getLocale())
                        },
                        LocaleContextHolder.getLocale()));
        return "redirect:/desk/admin/staff";
    }
}
