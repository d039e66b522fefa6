package dev.tidesk.portal;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RatingLinkView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.TicketView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Вопрос решён?": the client rates a resolved request good or bad, with an optional comment. By the
 * resolution mail's single-use link without signing in (the link is the authority for that one
 * rating, like the other answer links: opening it changes nothing, so a mail scanner does no harm; the
 * page opens with the button the mail's link chose and one press records it), or on the request page
 * of the portal. A used, expired or forged link is a page saying so (410 or 404).
 */
@Controller
class PortalRatingController {

    static final String LINK = "/portal/answer/rating/";

    private final Satisfaction satisfaction;
    private final RequestQueries requests;
    private final MessageSource messages;
    private final Clock clock;

    PortalRatingController(Satisfaction satisfaction, RequestQueries requests, MessageSource messages, Clock clock) {
        this.satisfaction = satisfaction;
        this.requests = requests;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(LINK + "{token}")
    String page(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String answer,
            Model model,
            HttpServletResponse response) {
        RatingLinkView link = satisfaction.byLink(token);
        TicketView ticket = requests.ticket(link.ticketId());
        page(model, me, ticket, token, answer);
        if (!link.usable(now())) {
            return spent(model, response, text("rating.link." + link.state(now())));
        }
        return "portal/answer/rating";
    }

    @PostMapping(LINK + "{token}")
    String rateByLink(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String token,
            @RequestParam String answer,
            @RequestParam(defaultValue = "") String comment,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        RatingLinkView link = satisfaction.byLink(token);
        TicketView ticket = requests.ticket(link.ticketId());
        Actor who = own(me, ticket)
                ? Actor.contact(me.contactId(), me.displayName())
                : new Actor(ticket.contactName() == null ? "—" : ticket.contactName(), null, ticket.contactId());
        try {
            satisfaction.rateByLink(token, good(answer), comment, who);
        } catch (DomainException e) {
            page(model, me, ticket, token, answer);
            return spent(model, response, text(e.messageKey()));
        }
        redirect.addFlashAttribute("flash", text("rating.thanks"));
        if (own(me, ticket)) {
            return "redirect:/portal/requests/" + ticket.tid() + "#rating";
        }
        return "redirect:" + LINK + token + "/done";
    }

    @GetMapping(LINK + "{token}/done")
    String done(@AuthenticationPrincipal TideskUser me, @PathVariable String token, Model model) {
        RatingLinkView link = satisfaction.byLink(token);
        if (link.usedAt() == null) {
            return "redirect:" + LINK + token;
        }
        TicketView ticket = requests.ticket(link.ticketId());
        page(model, me, ticket, token, "");
        var rating = satisfaction.of(ticket.id()).orElseThrow(() -> new NotFoundException("No rating"));
        model.addAttribute("answered", text("rating.done." + rating.grade()));
        model.addAttribute("offerPassword", false);
        return "portal/answer/done";
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

    /** A forged (or mistyped) link: a page that says so, not the sign-in page. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView unknown(NotFoundException e) {
        ModelAndView page = new ModelAndView("portal/answer/invalid");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("message", text("answer.invalid.unknown"));
        page.addObject("status", 404);
        return page;
    }

    private static boolean good(String answer) {
        if ("good".equals(answer)) {
            return true;
        }
        if ("bad".equals(answer)) {
            return false;
        }
        throw new org.springframework.web.server.ResponseStatusException(
                HttpStatus.BAD_REQUEST, "answer is good or bad");
    }

    private void page(Model model, TideskUser me, TicketView ticket, String token, String answer) {
        model.addAttribute("ticketTid", ticket.tid());
        model.addAttribute("ticketSubject", ticket.subject());
        model.addAttribute("own", own(me, ticket));
        model.addAttribute("token", token);
        model.addAttribute("answer", answer);
    }

    private static String spent(Model model, HttpServletResponse response, String message) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("message", message);
        model.addAttribute("status", 410);
        return "portal/answer/invalid";
    }

    private static boolean own(TideskUser me, TicketView ticket) {
        return me != null
                && me.contactId() != null
                && me.organizationId() != null
                && me.organizationId().equals(ticket.organizationId());
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
