package dev.tidesk.workspace;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "New request by phone": find the caller (or add them), then record the call as a request. */
@Controller
class PhoneController {

    private final Customers customers;
    private final RequestIntake intake;
    private final MessageSource messages;

    PhoneController(Customers customers, RequestIntake intake, MessageSource messages) {
        this.customers = customers;
        this.intake = intake;
        this.messages = messages;
    }

    @GetMapping("/desk/phone")
    String form(@RequestParam(required = false) Long contactId, Model model) {
        PhoneRequestForm form = new PhoneRequestForm();
        form.setContactId(contactId);
        model.addAttribute("form", form);
        return page(form, model);
    }

    /** The live contact search (an htmx fragment). */
    @GetMapping("/desk/phone/contacts")
    String contacts(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("contacts", customers.searchContacts(q, 10));
        model.addAttribute("q", q);
        return "workspace/phone/new :: contacts";
    }

    @PostMapping("/desk/phone")
    String create(
            @AuthenticationPrincipal TideskUser me,
            @Valid @ModelAttribute("form") PhoneRequestForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (form.getContactId() == null) {
            if (form.getOrganizationId() == null) {
                result.rejectValue("organizationId", "error.phone.organization");
            }
            if (form.getNewContactName() == null || form.getNewContactName().isBlank()) {
                result.rejectValue("newContactName", "error.phone.name");
            }
            if (form.getNewContactEmail() != null
                    && !form.getNewContactEmail().isBlank()
                    && customers.contactByEmail(form.getNewContactEmail()).isPresent()) {
                result.rejectValue("newContactEmail", "error.phone.email-taken");
            }
        }
        if (result.hasErrors()) {
            return page(form, model);
        }
        long contactId = form.getContactId() != null
                ? form.getContactId()
                : customers
                        .createContact(
                                form.getOrganizationId(),
                                form.getNewContactName(),
                                form.getNewContactEmail(),
                                form.getNewContactPhone(),
                                "ru")
                        .id();
        TicketView ticket = intake.open(new NewRequest(
                form.getSubject(),
                form.getBody(),
                contactId,
                form.getSiteId(),
                Channel.PHONE,
                form.getUrgency(),
                java.util.List.of(),
                DeskController.actor(me)));
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        "desk.phone.created", new Object[] {ticket.tid()}, LocaleContextHolder.getLocale()));
        return "redirect:/desk/requests/" + ticket.tid();
    }

    private String page(PhoneRequestForm form, Model model) {
        ContactView contact = form.getContactId() == null ? null : customers.contact(form.getContactId());
        model.addAttribute("contact", contact);
        model.addAttribute(
                "sites", contact == null ? java.util.List.of() : customers.activeSitesOf(contact.organizationId()));
        model.addAttribute(
                "organizationChoice",
                customers.organizationChoice(form.getOrganizationId()).orElse(null));
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("contacts", java.util.List.of());
        return "workspace/phone/new";
    }
}
