package dev.tidesk.portal;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.CcEntry;
import dev.tidesk.ticket.CcList;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact who wrote a request copies colleagues of their own organization on it, or takes
 * someone off the copy. The request is resolved through the contact's organization, so another's
 * is "not found"; a colleague who did not write it sees the list but does not change it.
 */
@Controller
class PortalCcController {

    private final RequestQueries queries;
    private final CcList copies;
    private final FlashMessages flashes;

    PortalCcController(RequestQueries queries, CcList copies, FlashMessages flashes) {
        this.queries = queries;
        this.copies = copies;
        this.flashes = flashes;
    }

    @PostMapping("/portal/requests/{tid}/cc")
    String add(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(required = false) Long contactId,
            RedirectAttributes redirect) {
        TicketView ticket = own(me, tid);
        if (contactId == null) {
            flashes.error(redirect, "cc.form.empty");
            return back(ticket);
        }
        // a colleague of the contact's own organization only; CcList checks it against the request's
        CcEntry added = copies.addColleague(ticket.id(), contactId, actor(me));
        flashes.notice(redirect, "cc.added", added.label());
        return back(ticket);
    }

    @PostMapping("/portal/requests/{tid}/cc/remove")
    String remove(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String address,
            RedirectAttributes redirect) {
        TicketView ticket = own(me, tid);
        copies.remove(ticket.id(), address, actor(me));
        flashes.notice(redirect, "cc.removed", address);
        return back(ticket);
    }

    /** The request of the contact's organization that this contact wrote. */
    private TicketView own(TideskUser me, String tid) {
        TicketView ticket = queries.byTidForOrganization(tid, me.organizationId());
        if (ticket.contactId() == null || !ticket.contactId().equals(me.contactId())) {
            throw new DomainException(
                    "error.cc.notRequester", "Only the contact who wrote the request changes its copies");
        }
        return ticket;
    }

    private static Actor actor(TideskUser me) {
        return Actor.contact(me.contactId(), me.displayName());
    }

    private static String back(TicketView ticket) {
        return "redirect:/portal/requests/" + ticket.tid() + "#cc";
    }
}
