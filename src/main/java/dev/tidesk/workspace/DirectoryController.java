package dev.tidesk.workspace;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.DirectoryChange.Subject;
import dev.tidesk.customer.DirectoryEditor;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.customer.SiteView;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.workspace.DirectoryForms.ContactForm;
import dev.tidesk.workspace.DirectoryForms.OrganizationForm;
import dev.tidesk.workspace.DirectoryForms.SiteForm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Edits, deactivates and reactivates the client directory. Organizations are the head's and the
 * admin's ({@code /desk/admin/organizations/...}); contacts and sites are support's too
 * ({@code /desk/directory/...}: agents and personal managers hear first when a client's phone or
 * address changes or someone leaves); specialists reach none of it. Every change is in the history
 * shown on the page, and a form that is refused comes back with what was typed and why (422).
 */
@Controller
class DirectoryController {

    private final Customers customers;
    private final DirectoryEditor editor;
    private final MessageSource messages;
    private final FlashMessages flashes;

    DirectoryController(Customers customers, DirectoryEditor editor, MessageSource messages, FlashMessages flashes) {
        this.customers = customers;
        this.editor = editor;
        this.messages = messages;
        this.flashes = flashes;
    }

    // organizations: heads and admins

    @GetMapping("/desk/admin/organizations/{id}/edit")
    String organization(@PathVariable long id, Model model) {
        OrganizationView org = customers.organization(id);
        return organizationPage(org, new OrganizationForm(org.name(), org.emailDomain()), List.of(), model);
    }

    @PostMapping("/desk/admin/organizations/{id}/edit")
    String editOrganization(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute("form") OrganizationForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrganizationView org = customers.organization(id);
        List<String> problems = FormErrors.of(errors, messages, "directory.field");
        if (problems.isEmpty()) {
            try {
                editor.editOrganization(id, form.name(), form.emailDomain(), me.displayName());
                flashes.notice(redirect, "directory.saved");
                return "redirect:/desk/admin/organizations/" + id + "/edit";
            } catch (DomainException e) {
                problems.add(FormErrors.of(e, messages));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return organizationPage(org, form, problems, model);
    }

    @PostMapping("/desk/admin/organizations/{id}/deactivate")
    String deactivateOrganization(
            @AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        OrganizationView org = customers.organization(id);
        int contacts = editor.deactivateOrganization(id, me.displayName());
        flashes.notice(redirect, "directory.organization.deactivated", org.name(), contacts);
        return "redirect:/desk/admin/organizations/" + id + "/edit";
    }

    @PostMapping("/desk/admin/organizations/{id}/reactivate")
    String reactivateOrganization(
            @AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        OrganizationView org = editor.reactivateOrganization(id, me.displayName());
        flashes.notice(redirect, "directory.organization.reactivated", org.name());
        return "redirect:/desk/admin/organizations/" + id + "/edit";
    }

    private String organizationPage(OrganizationView org, OrganizationForm form, List<String> problems, Model model) {
        model.addAttribute("organization", org);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("changes", editor.historyOfOrganization(org.id()));
        return "workspace/directory/organization";
    }

    // contacts: support, heads and admins

    @GetMapping("/desk/directory/contacts/{id}")
    String contact(@PathVariable long id, Model model) {
        ContactView c = customers.contact(id);
        return contactPage(
                c,
                new ContactForm(
                        c.fullName(),
                        c.email(),
                        c.extraEmails(),
                        c.phone(),
                        c.position(),
                        c.language(),
                        c.monthlyStatement()),
                List.of(),
                model);
    }

    @PostMapping("/desk/directory/contacts/{id}")
    String editContact(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute("form") ContactForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ContactView c = customers.contact(id);
        List<String> problems = FormErrors.of(errors, messages, "directory.field");
        if (problems.isEmpty()) {
            try {
                editor.editContact(
                        id,
                        form.fullName(),
                        form.email(),
                        form.extraEmails(),
                        form.phone(),
                        form.position(),
                        form.language(),
                        form.statement(),
                        me.displayName());
                flashes.notice(redirect, "directory.saved");
                return "redirect:/desk/directory/contacts/" + id;
            } catch (DomainException e) {
                problems.add(FormErrors.of(e, messages));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return contactPage(c, form, problems, model);
    }

    @PostMapping("/desk/directory/contacts/{id}/deactivate")
    String deactivateContact(
            @AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        ContactView c = editor.deactivateContact(id, me.displayName());
        flashes.notice(redirect, "directory.contact.deactivated", c.fullName());
        return "redirect:/desk/directory/contacts/" + id;
    }

    @PostMapping("/desk/directory/contacts/{id}/reactivate")
    String reactivateContact(
            @AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ContactView c = editor.reactivateContact(id, me.displayName());
            flashes.notice(redirect, "directory.contact.reactivated", c.fullName());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages));
        }
        return "redirect:/desk/directory/contacts/" + id;
    }

    private String contactPage(ContactView c, ContactForm form, List<String> problems, Model model) {
        model.addAttribute("contact", c);
        model.addAttribute("organization", customers.organization(c.organizationId()));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("changes", editor.historyOf(Subject.CONTACT, c.id()));
        return "workspace/directory/contact";
    }

    // sites: support, heads and admins

    @GetMapping("/desk/directory/sites/{id}")
    String site(@PathVariable long id, Model model) {
        SiteView s = site(id);
        return sitePage(s, new SiteForm(s.name(), s.liveUrl(), s.testUrl()), List.of(), model);
    }

    @PostMapping("/desk/directory/sites/{id}")
    String editSite(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute("form") SiteForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SiteView s = site(id);
        List<String> problems = FormErrors.of(errors, messages, "directory.field");
        if (problems.isEmpty()) {
            try {
                editor.editSite(id, form.name(), form.liveUrl(), form.testUrl(), me.displayName());
                flashes.notice(redirect, "directory.saved");
                return "redirect:/desk/directory/sites/" + id;
            } catch (DomainException e) {
                problems.add(FormErrors.of(e, messages));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return sitePage(s, form, problems, model);
    }

    @PostMapping("/desk/directory/sites/{id}/deactivate")
    String deactivateSite(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        SiteView s = editor.setSiteActive(site(id).id(), false, me.displayName());
        flashes.notice(redirect, "directory.site.deactivated", s.name());
        return "redirect:/desk/directory/sites/" + id;
    }

    @PostMapping("/desk/directory/sites/{id}/reactivate")
    String reactivateSite(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        SiteView s = editor.setSiteActive(site(id).id(), true, me.displayName());
        flashes.notice(redirect, "directory.site.reactivated", s.name());
        return "redirect:/desk/directory/sites/" + id;
    }

    private SiteView site(long id) {
        return customers.site(id).orElseThrow(() -> new NotFoundException("No site " + id));
    }

    private String sitePage(SiteView s, SiteForm form, List<String> problems, Model model) {
        model.addAttribute("site", s);
        model.addAttribute("organization", customers.organization(s.organizationId()));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("changes", editor.historyOf(Subject.SITE, s.id()));
        return "workspace/directory/site";
    }
}
