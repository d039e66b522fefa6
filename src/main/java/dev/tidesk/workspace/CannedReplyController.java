package dev.tidesk.workspace;

import dev.tidesk.canned.CannedReplies;
import dev.tidesk.canned.CannedReplyDraft;
import dev.tidesk.canned.CannedReplyView;
import dev.tidesk.canned.ReplyVariables;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.Installation;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.NormHours;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Canned replies: the page where staff keep theirs (and the head the shared ones) with their
 * signature, and the reply box's picker, which fills a reply with the request's values.
 */
@Controller
class CannedReplyController {

    private final CannedReplies replies;
    private final RequestQueries requests;
    private final Customers customers;
    private final Ledgers ledgers;
    private final Installation installation;
    private final MessageSource messages;
    private final FlashMessages flashes;

    CannedReplyController(
            CannedReplies replies,
            RequestQueries requests,
            Customers customers,
            Ledgers ledgers,
            Installation installation,
            MessageSource messages,
            FlashMessages flashes) {
        this.replies = replies;
        this.requests = requests;
        this.customers = customers;
        this.ledgers = ledgers;
        this.installation = installation;
        this.messages = messages;
        this.flashes = flashes;
    }

    /** A form's fields; {@code shared} is honoured for the head and admins only. */
    record Form(
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 10_000) String body,
            @NotBlank @Pattern(regexp = "ru|en") String language,
            Boolean shared) {
        CannedReplyDraft draft() {
            return new CannedReplyDraft(title, body, language, Boolean.TRUE.equals(shared));
        }
    }

    record SignatureForm(@Size(max = 2000) String signature) {}

    @GetMapping("/desk/replies")
    String page(@AuthenticationPrincipal TideskUser me, @RequestParam(required = false) Long edit, Model model) {
        CannedReplyView editing = edit == null ? null : replies.editable(edit, me);
        Form form = editing == null
                ? new Form("", "", readerLanguage(), false)
                : new Form(editing.title(), editing.body(), editing.language(), editing.shared());
        return page(me, editing, form, List.of(), model);
    }

    @PostMapping("/desk/replies")
    String create(
            @AuthenticationPrincipal TideskUser me,
            @Validated @ModelAttribute Form form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(me, null, form, errors, model, response, redirect);
    }

    @PostMapping("/desk/replies/{id}")
    String update(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute Form form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(me, id, form, errors, model, response, redirect);
    }

    @PostMapping("/desk/replies/{id}/delete")
    String delete(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        replies.delete(id, me);
        flashes.notice(redirect, "canned.deleted");
        return "redirect:/desk/replies";
    }

    @PostMapping("/desk/replies/signature")
    String signature(
            @AuthenticationPrincipal TideskUser me,
            @Validated @ModelAttribute SignatureForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = FormErrors.of(errors, messages, "canned.field");
        if (!problems.isEmpty() || me.staffId() == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("signatureErrors", problems);
            model.addAttribute("signatureDraft", form.signature());
            return page(me, null, new Form("", "", readerLanguage(), false), List.of(), model);
        }
        replies.changeSignature(me.staffId(), form.signature());
        flashes.notice(redirect, "canned.signatureSaved");
        return "redirect:/desk/replies";
    }

    /** The picker under the reply box: replies matching what was typed after "/". */
    @GetMapping("/desk/requests/{tid}/replies")
    String pick(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String q,
            Model model) {
        TicketView ticket = requests.byTid(tid);
        ContactView contact = ticket.contactId() == null ? null : customers.contact(ticket.contactId());
        model.addAttribute("ticket", ticket);
        model.addAttribute(
                "picked",
                me.staffId() == null
                        ? List.of()
                        : replies.pick(me.staffId(), q, contact == null ? null : contact.language()));
        return "workspace/replies/picker :: picker";
    }

    /** A reply filled with this request's values, as plain text for the reply box. */
    @GetMapping(value = "/desk/requests/{tid}/replies/{id}", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> fill(
            @AuthenticationPrincipal TideskUser me, @PathVariable String tid, @PathVariable long id) {
        TicketView ticket = requests.byTid(tid);
        CannedReplyView reply = replies.usable(id, me.staffId() == null ? -1 : me.staffId());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(ReplyVariables.fill(reply.body(), values(ticket, me, Locale.forLanguageTag(reply.language()))));
    }

    private Map<String, String> values(TicketView ticket, TideskUser me, Locale locale) {
        Map<String, String> values = new HashMap<>();
        ContactView contact = ticket.contactId() == null ? null : customers.contact(ticket.contactId());
        String name = contact != null ? contact.fullName() : ticket.contactName();
        values.put("client_name", name == null ? "" : name);
        values.put("client_first_name", ReplyVariables.firstName(name));
        values.put("tid", ticket.tid());
        values.put("subject", ticket.subject());
        values.put("agent_name", me.displayName());
        values.put("portal_link", installation.baseUrl() + "/portal/requests/" + ticket.tid());
        if (ticket.organizationId() != null) {
            ledgers.planThisMonth(ticket.organizationId()).ifPresent(standing -> {
                values.put(
                        "plan",
                        messages.getMessage(
                                "contract.plan." + standing.plan(),
                                null,
                                standing.plan().name(),
                                locale));
                values.put(
                        "hours_left",
                        messages.getMessage(
                                "canned.hours",
                                new Object[] {NormHours.format(standing.minutesLeft(), locale)},
                                locale));
            });
        }
        return values;
    }

    private String save(
            TideskUser me,
            Long id,
            Form form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = FormErrors.of(errors, messages, "canned.field");
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(me, id == null ? null : replies.editable(id, me), form, problems, model);
        }
        replies.save(id, form.draft(), me);
        flashes.notice(redirect, "canned.saved");
        return "redirect:/desk/replies";
    }

    private String page(TideskUser me, CannedReplyView editing, Form form, List<String> problems, Model model) {
        model.addAttribute("replies", me.staffId() == null ? List.of() : replies.available(me.staffId()));
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", problems);
        model.addAttribute("mayShare", replies.mayShare(me));
        model.addAttribute("variables", ReplyVariables.NAMES);
        if (!model.containsAttribute("signatureDraft")) {
            model.addAttribute(
                    "signatureDraft",
                    me.staffId() == null ? "" : replies.signature(me.staffId()).orElse(""));
        }
        return "workspace/replies/page";
    }

    /** The reader's language as a canned reply's: "ru" unless they read English. */
    private static String readerLanguage() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "ru";
    }
}
