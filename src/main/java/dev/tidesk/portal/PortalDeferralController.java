package dev.tidesk.portal;

import dev.tidesk.contract.deferral.DeferralStatus;
import dev.tidesk.contract.deferral.DeferralView;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's answer to a proposal to do a request next month from the portal's request and
 * contract pages (the e-mail link: {@link PortalAnswerController}).
 */
@Controller
class PortalDeferralController {

    private final Deferrals deferrals;
    private final RequestQueries requests;
    private final MessageSource messages;

    private final Clock clock;

    PortalDeferralController(Deferrals deferrals, RequestQueries requests, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.deferrals = deferrals;
        this.requests = requests;
        this.messages = messages;
    }

    @PostMapping("/portal/deferrals/id/{id}")
    String answerInPortal(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam String answer,
            RedirectAttributes redirect) {
        DeferralView d = deferrals.answer(id, "accept".equals(answer), me.organizationId(), actor(me));
        return done(d, redirect);
    }

    private String done(DeferralView d, RedirectAttributes redirect) {
        TicketView t = requests.ticket(d.ticketId());
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        d.status() == DeferralStatus.ACCEPTED ? "deferral.accepted" : "deferral.declined",
                        null,
                        LocaleContextHolder.getLocale()));
        return "redirect:/portal/requests/" + t.tid();
    }

    private static Actor actor(TideskUser me) {
        return Actor.contact(me.contactId(), me.displayName());
    }
}
