package dev.tidesk.workspace;

import dev.tidesk.customer.ContactOnboarding;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.identity.Accounts;
import java.time.Clock;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins and heads keep the list of clients: organizations, their contacts with portal logins, and sites. */
@Controller
class ClientAdminController {

    private final Customers customers;
    private final Accounts accounts;
    private final MessageSource messages;

    private final Clock clock;

    private final ContactOnboarding onboarding;

    private final dev.tidesk.system.FlashMessages flashes;

    private final dev.tidesk.audit.AuditLog audit;
    private final dev.tidesk.customer.DirectoryEditor editor;

    ClientAdminController(
            Customers customers,
            Accounts accounts,
            ContactOnboarding onboarding,
            MessageSource messages,
            Clock clock,
            dev.tidesk.system.FlashMessages flashes,
            dev.tidesk.audit.AuditLog audit,
            dev.tidesk.customer.DirectoryEditor editor) {
        this.audit = audit;
        this.editor = editor;
        this.flashes = flashes;
        this.onboarding = onboarding;
        this.clock = clock;
        this.customers = customers;
        this.accounts = accounts;
        this.messages = messages;
    }

    record ContactRow(ContactView contact, boolean portalLogin, boolean invited) {}

    @GetMapping("/desk/admin/organizations")
    String list(Model model) {
        model.addAttribute("organizations", customers.organizations());
        return "workspace/admin/clients";
    }

    @PostMapping("/desk/admin/organizations")
    String create(
            @RequestParam String name,
            @RequestParam(required = false) String emailDomain,
            RedirectAttributes redirect) {
        OrganizationView org = customers.createOrganization(name, emailDomain);
        flashes.notice(redirect, "admin.clients.created", org.name());
        return "redirect:/desk/admin/organizations/" + org.id();
    }

    @GetMapping("/desk/admin/organizations/{id}")
    String client(@PathVariable long id, Model model) {
        model.addAttribute("organization", customers.organization(id));
        List<ContactRow> contacts = customers.contactsOf(id).stream()
                .map(c -> new ContactRow(
                        c,
                        c.email() != null && accounts.loginTaken(c.email()),
                        c.email() != null && accounts.invitationPending(c.email())))
                .toList();
        model.addAttribute("contacts", contacts);
        model.addAttribute("sites", customers.sitesOf(id));
        if (!model.containsAttribute("requisites")) {
            model.addAttribute("requisites", customers.requisitesOf(id));
        }
        model.addAttribute("changes", editor.historyOfOrganization(id));
        return "workspace/admin/client";
    }

    /**
     * The client's requisites, named on its monthly акт as the Заказчик; all optional. A form that
     * cannot be saved comes back on the client's page with what was typed and why (422).
     */
    @PostMapping("/desk/admin/organizations/{id}/requisites")
    String requisites(
            @PathVariable long id,
            @org.springframework.validation.annotation.Validated @org.springframework.web.bind.annotation.ModelAttribute
                    RequisitesForm requisitesForm,
            org.springframework.validation.BindingResult errors,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = FormErrors.of(errors, messages, "requisites.field");
        if (!problems.isEmpty()) {
            customers.organization(id);
            model.addAttribute("requisites", requisitesForm);
            model.addAttribute("requisitesErrors", problems);
            response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY.value());
            return client(id, model);
        }
        dev.tidesk.shared.Requisites saved = customers.changeRequisites(id, requisitesForm.requisites());
        audit.record(
                dev.tidesk.audit.AuditAction.REQUISITES_CHANGED,
                customers.organization(id).name(),
                saved.inn() == null ? null : "ИНН " + saved.inn());
        flashes.notice(redirect, "requisites.client.saved");
        return "redirect:/desk/admin/organizations/" + id + "#requisites";
    }

    @PostMapping("/desk/admin/organizations/{id}/contacts")
    String addContact(
            @PathVariable long id,
            @RequestParam String fullName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String position,
            @RequestParam(defaultValue = "ru") String language,
            @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "false") boolean invite,
            @RequestParam(defaultValue = "false") boolean monthlyStatement,
            RedirectAttributes redirect) {
        ContactOnboarding.Added added =
                onboarding.add(id, fullName, email, phone, position, language, monthlyStatement, password, invite);
        flashes.notice(
                redirect,
                added.invited() ? "admin.contact.createdInvited" : "admin.contact.created",
                added.contact().fullName());
        return "redirect:/desk/admin/organizations/" + id;
    }

    @PostMapping("/desk/admin/organizations/{id}/contacts/{contactId}/login")
    String portalLogin(
            @PathVariable long id,
            @PathVariable long contactId,
            @RequestParam String password,
            RedirectAttributes redirect) {
        ContactView contact = customers.contact(contactId);
        if (contact.organizationId() != id || contact.email() == null) {
            throw new dev.tidesk.shared.NotFoundException("No contact " + contactId);
        }
        accounts.setContactPassword(
                contact.email(), contact.fullName(), contact.id(), id, password, contact.language());
        flashes.notice(redirect, "admin.contact.login", contact.email());
        return "redirect:/desk/admin/organizations/" + id;
    }

    /**
     * Mails a contact a link to choose their password: an invitation to a login opened now (with
     * a password nobody knows), or a reset link for a login they have. Nobody types or passes on a
     * password.
     */
    @PostMapping("/desk/admin/organizations/{id}/contacts/{contactId}/invite")
    String invite(@PathVariable long id, @PathVariable long contactId, RedirectAttributes redirect) {
        ContactView contact = customers.contact(contactId);
        if (contact.organizationId() != id || contact.email() == null) {
            throw new dev.tidesk.shared.NotFoundException("No contact " + contactId);
        }
        Accounts.Invitation done = accounts.inviteContact(
                contact.email(),
                contact.fullName(),
                contact.id(),
                id,
                contact.language(),
                java.time.Instant.now(clock));
        if (done != Accounts.Invitation.NOT_SENT) {
            flashes.notice(
                    redirect,
                    done == Accounts.Invitation.INVITED ? "admin.contact.invited" : "admin.contact.resetSent",
                    contact.email());
        } else {
            redirect.addFlashAttribute(
                    "error",
                    messages.getMessage(
                            "admin.contact.inviteCapped",
                            new Object[] {contact.email()},
                            LocaleContextHolder.getLocale()));
        }
        return "redirect:/desk/admin/organizations/" + id;
    }

    /** Turns the monthly statement by e-mail on or off for a contact of this organization. */
    @PostMapping("/desk/admin/organizations/{id}/contacts/{contactId}/statement")
    String monthlyStatement(
            @PathVariable long id,
            @PathVariable long contactId,
            @RequestParam(defaultValue = "false") boolean monthlyStatement,
            RedirectAttributes redirect) {
        ContactView contact = customers.contact(contactId);
        if (contact.organizationId() != id) {
            throw new dev.tidesk.shared.NotFoundException("No contact " + contactId);
        }
        customers.changeMonthlyStatement(contactId, monthlyStatement);
        flashes.notice(
                redirect,
                monthlyStatement ? "admin.contact.statement.on" : "admin.contact.statement.off",
                contact.fullName());
        return "redirect:/desk/admin/organizations/" + id;
    }

    @PostMapping("/desk/admin/organizations/{id}/sites")
    String addSite(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam String liveUrl,
            @RequestParam(required = false) String testUrl,
            RedirectAttributes redirect) {
        customers.createSite(id, name, liveUrl, testUrl);
        flashes.notice(redirect, "admin.site.created", liveUrl);
        return "redirect:/desk/admin/organizations/" + id;
    }
}
