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
    private final dev.tidesk.ticket.RequestQueries requests;
    private final dev.tidesk.routing.ClientTermsBook terms;
    private final dev.tidesk.customer.Customers customers;
    private final dev.tidesk.contract.Contracts contracts;
    private final dev.tidesk.system.FlashMessages flashes;
    private final dev.tidesk.task.TaskBoard tasks;

    StaffAdminController(
            StaffDirectory staff,
            MessageSource messages,
            dev.tidesk.ticket.RequestQueries requests,
            dev.tidesk.routing.ClientTermsBook terms,
            dev.tidesk.customer.Customers customers,
            dev.tidesk.contract.Contracts contracts,
            dev.tidesk.system.FlashMessages flashes,
            dev.tidesk.task.TaskBoard tasks) {
        this.tasks = tasks;
        this.staff = staff;
        this.messages = messages;
        this.requests = requests;
        this.terms = terms;
        this.customers = customers;
        this.contracts = contracts;
        this.flashes = flashes;
    }

    /** A personal manager's client on the deactivation page, with its contract to give to someone else. */
    record ManagedClient(dev.tidesk.customer.OrganizationView organization, Long contractId) {}

    @GetMapping("/desk/admin/staff")
    String list(@AuthenticationPrincipal TideskUser me, Model model) {
        model.addAttribute("staff", staff.everyone());
        model.addAttribute("former", staff.former());
        // only an admin grants the admin role, so only an admin is offered it
        model.addAttribute("roles", roles(me));
        model.addAttribute("specialties", Specialty.values());
        return "workspace/admin/staff";
    }

    private static Role[] roles(TideskUser me) {
        return me.hasRole(Role.ADMIN)
                ? new Role[] {Role.AGENT, Role.MANAGER, Role.SPECIALIST, Role.HEAD, Role.ADMIN}
                : new Role[] {Role.AGENT, Role.MANAGER, Role.SPECIALIST, Role.HEAD};
    }

    /** A colleague's page: name, role and specialty to edit, their history, deactivation or reactivation. */
    @GetMapping("/desk/admin/staff/{id}")
    String member(@AuthenticationPrincipal TideskUser me, @PathVariable long id, Model model) {
        StaffView member = staff.member(id);
        return memberPage(
                me,
                member,
                new DirectoryForms.StaffForm(member.fullName(), member.role(), member.specialty()),
                java.util.List.of(),
                model);
    }

    @PostMapping("/desk/admin/staff/{id}")
    String edit(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @org.springframework.validation.annotation.Validated
                    @org.springframework.web.bind.annotation.ModelAttribute("form")
                    DirectoryForms.StaffForm form,
            org.springframework.validation.BindingResult errors,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffView member = staff.member(id);
        java.util.List<String> problems = FormErrors.of(errors, messages, "staff.field");
        if (problems.isEmpty()) {
            try {
                staff.edit(id, form.fullName(), form.role(), form.specialty(), me);
                flashes.notice(redirect, "directory.saved");
                return "redirect:/desk/admin/staff/" + id;
            } catch (dev.tidesk.shared.DomainException e) {
                problems.add(FormErrors.of(e, messages));
            }
        }
        response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY.value());
        return memberPage(me, member, form, problems, model);
    }

    private String memberPage(
            TideskUser me,
            StaffView member,
            DirectoryForms.StaffForm form,
            java.util.List<String> problems,
            Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("roles", roles(me));
        model.addAttribute("specialties", Specialty.values());
        model.addAttribute("changes", staff.history(member.id()));
        return "workspace/admin/staff-member";
    }

    /**
     * What deactivating a colleague will do, before it is done: their open requests that go back to
     * the queue, and their personal-manager clients, each with a form to give it to someone else.
     */
    @GetMapping("/desk/admin/staff/{id}/deactivate")
    String confirmDeactivation(@PathVariable long id, Model model) {
        StaffView member = staff.member(id);
        model.addAttribute("member", member);
        model.addAttribute(
                "openRequests",
                requests.queue(dev.tidesk.ticket.Queue.MINE, member.id(), dev.tidesk.ticket.QueueSort.URGENCY, 0, 200)
                        .getContent());
        model.addAttribute("managed", managedClients(member.id()));
        model.addAttribute("openTasks", tasks.unfinishedOf(member.id()));
        model.addAttribute(
                "managers",
                staff.everyone().stream()
                        .filter(s -> s.id() != member.id() && s.role() != Role.SPECIALIST)
                        .toList());
        return "workspace/admin/staff-deactivate";
    }

    private java.util.List<ManagedClient> managedClients(long staffId) {
        return terms.clientsOf(staffId).stream()
                .map(orgId -> new ManagedClient(
                        customers.organization(orgId),
                        contracts
                                .activeContract(orgId)
                                .map(dev.tidesk.contract.ContractView::id)
                                .orElse(null)))
                .toList();
    }

    @PostMapping("/desk/admin/staff/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        int open = (int) requests.queue(dev.tidesk.ticket.Queue.MINE, id, dev.tidesk.ticket.QueueSort.URGENCY, 0, 200)
                .getNumberOfElements();
        try {
            StaffView member = staff.deactivate(id, me);
            int managed = terms.clientsOf(id).size();
            flashes.notice(redirect, "staff.deactivated", member.fullName(), open, managed);
        } catch (dev.tidesk.shared.DomainException e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages));
        }
        return "redirect:/desk/admin/staff/" + id;
    }

    @PostMapping("/desk/admin/staff/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        StaffView member = staff.reactivate(id, me);
        flashes.notice(redirect, "staff.reactivated", member.fullName());
        return "redirect:/desk/admin/staff/" + id;
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
