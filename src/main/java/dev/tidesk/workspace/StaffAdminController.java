package dev.tidesk.workspace;

import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    String list(Model model) {
        model.addAttribute("staff", staff.everyone());
        model.addAttribute("roles", new Role[] { Role.AGENT, Role.MANAGER, Role.SPECIALIST, Role.HEAD, Role.ADMIN });
        model.addAttribute("specialties", Specialty.values());
        return "workspace/admin/staff";
    }

    @PostMapping("/desk/admin/staff")
    String hire(@RequestParam String fullName, @RequestParam String email, @RequestParam Role role,
            @RequestParam(required = false) Specialty specialty, @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        if (role == Role.CONTACT) {
            throw new IllegalArgumentException("Not a staff role");
        }
        boolean invite = password == null || password.isBlank();
        StaffView member = staff.hire(fullName, email, role, role == Role.SPECIALIST ? specialty : null, password);
        redirect.addFlashAttribute("flash", messages.getMessage(invite ? "admin.staff.invited" : "admin.staff.created",
                new Object[] { member.fullName(), member.email() }, LocaleContextHolder.getLocale()));
        return "redirect:/desk/admin/staff";
    }
}
