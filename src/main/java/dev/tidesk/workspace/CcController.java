package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.team.ClientContact;
import dev.tidesk.ticket.CcEntry;
import dev.tidesk.ticket.CcList;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CC list of a request on its page: whoever talks to the client copies a colleague of the
 * client's or, explicitly, any address, removes one, and takes or dismisses the colleagues that
 * mail brought along.
 */
@Controller
class CcController {

    private final RequestQueries queries;
    private final CcList copies;
    private final ClientContact clientContact;
    private final FlashMessages flashes;
    private final MessageSource messages;

    CcController(
            RequestQueries queries,
            CcList copies,
            ClientContact clientContact,
            FlashMessages flashes,
            MessageSource messages) {
        this.queries = queries;
        this.copies = copies;
        this.clientContact = clientContact;
        this.flashes = flashes;
        this.messages = messages;
    }

    @PostMapping("/desk/requests/{tid}/cc")
    String add(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @Valid @ModelAttribute CcForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", String.join("; ", FormErrors.of(result, messages, "cc.form")));
            redirect.addFlashAttribute("draft", Map.of("address", form.address() == null ? "" : form.address()));
            return back(ticket);
        }
        CcEntry added;
        if (form.contactId() != null) {
            added = copies.addColleague(ticket.id(), form.contactId(), DeskController.actor(me));
        } else if (form.address() != null && !form.address().isBlank()) {
            // the agent's explicit choice: any address, a stranger's too
            added = copies.addAddress(ticket.id(), form.address(), DeskController.actor(me));
        } else {
            flashes.error(redirect, "cc.form.empty");
            return back(ticket);
        }
        flashes.notice(redirect, "cc.added", added.label());
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/cc/remove")
    String remove(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String address,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        copies.remove(ticket.id(), address, DeskController.actor(me));
        flashes.notice(redirect, "cc.removed", address);
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/cc/suggestions/accept")
    String accept(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String address,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        CcEntry added = copies.accept(ticket.id(), address, DeskController.actor(me));
        flashes.notice(redirect, "cc.added", added.label());
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/cc/suggestions/dismiss")
    String dismiss(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String address,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        copies.dismiss(ticket.id(), address);
        flashes.notice(redirect, "cc.dismissed", address);
        return back(ticket);
    }

    /** The request, for someone who talks to clients: the CC list decides who gets the client's mail. */
    private TicketView ticket(TideskUser me, String tid) {
        if (!clientContact.mayReply(me.role())) {
            throw new AccessDeniedException("Only those who talk to clients copy people on a request");
        }
        return queries.byTid(tid);
    }

    private static String back(TicketView ticket) {
        return "redirect:/desk/requests/" + ticket.tid() + "#cc";
    }
}
