package dev.tidesk.portal;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Вопрос решён?" on the request page of the portal: a contact of the request's organization rates a
 * resolved request good or bad, with an optional comment. The resolution mail's single-use link to the
 * same question is one of the answer links of {@link PortalAnswerController}.
 */
@Controller
class PortalRatingController {

    private final Satisfaction satisfaction;
    private final RequestQueries requests;
    private final MessageSource messages;

    PortalRatingController(Satisfaction satisfaction, RequestQueries requests, MessageSource messages) {
        this.satisfaction = satisfaction;
        this.requests = requests;
        this.messages = messages;
    }

    /** A contact of the request's organization rates it on its page. */
    @PostMapping("/portal/requests/{tid}/rating")
    String rate(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String answer,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        // whose request it is before anything about the input: another organization's is not found
        TicketView ticket = requests.byTidForOrganization(tid, me.organizationId());
        try {
            satisfaction.rate(ticket.id(), good(answer), comment, Actor.contact(me.contactId(), me.displayName()));
            redirect.addFlashAttribute("flash", text("rating.thanks"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/portal/requests/" + ticket.tid() + "#rating";
    }

    /** The rating's two answers, on the page's form and on the link's. */
    static boolean good(String answer) {
        if ("good".equals(answer)) {
            return true;
        }
        if ("bad".equals(answer)) {
            return false;
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "answer is good or bad");
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
