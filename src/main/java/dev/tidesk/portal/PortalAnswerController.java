package dev.tidesk.portal;

import dev.tidesk.contract.deferral.DeferralStatus;
import dev.tidesk.contract.deferral.DeferralView;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.task.AcceptanceLinkView;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RatingLinkView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.TicketView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
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
 * The pages behind the answer links of the mails, the one place that opens, checks and spends them:
 * accept or decline a change on the test copy (R14), accept or decline doing a request next month
 * (R10), and "Вопрос решён?", the rating of a resolved request. The signed single-use link is the authority for
 * that one decision, so a contact who came by e-mail or phone and has no portal password can answer:
 * the page opens without signing in and shows what is asked, the request's TID and subject, and the
 * site; its buttons post (CSRF-protected, the session being anonymous) with the token alone. Nothing
 * else of the organization is shown, whoever is signed in; a contact of the request's own organization
 * signed in to the portal is taken back to the request page as before. Opening the page changes
 * nothing, so a mail scanner following the link does no harm. After the answer the page confirms it
 * and offers a link to set a portal password (the invitation mail of {@link Accounts#inviteContact}),
 * sent to the address the request's mail went to. A used, replaced, expired or forged link is a page
 * saying so (410 or 404).
 */
@Controller
class PortalAnswerController {

    static final String TEST_COPY = "/portal/answer/test-copy/";
    static final String DEFERRAL = "/portal/answer/deferral/";
    static final String RATING = "/portal/answer/rating/";
    private static final Set<String> SPENT = Set.of(
            "task.link.used",
            "task.link.expired",
            "deferral.error.used",
            "deferral.error.expired",
            "error.task.notAwaiting");

    private final TaskBoard tasks;
    private final Deferrals deferrals;
    private final Satisfaction satisfaction;
    private final RequestQueries requests;
    private final Customers customers;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    PortalAnswerController(
            TaskBoard tasks,
            Deferrals deferrals,
            Satisfaction satisfaction,
            RequestQueries requests,
            Customers customers,
            Accounts accounts,
            MessageSource messages,
            Clock clock) {
        this.tasks = tasks;
        this.deferrals = deferrals;
        this.satisfaction = satisfaction;
        this.requests = requests;
        this.customers = customers;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The first mails' addresses lead to the same page, keeping the answer the mail's button chose. */
    private static String moved(String page, String token, String answer) {
        checkShape(token);
        return "redirect:" + page + token
                + (answer.isEmpty() ? "" : "?answer=" + ("decline".equals(answer) ? "decline" : "accept"));
    }

    // ---- the test copy -------------------------------------------------------------------------

    /** The address the first mails carried; it leads to the same page. */
    @GetMapping("/portal/task-links/{token}")
    String oldTestCopyLink(@PathVariable String token, @RequestParam(defaultValue = "") String answer) {
        return moved(TEST_COPY, token, answer);
    }

    @GetMapping(TEST_COPY + "{token}")
    String testCopy(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String answer,
            Model model,
            HttpServletResponse response) {
        AcceptanceLinkView link = tasks.byLink(token);
        TicketView ticket = requests.ticket(link.ticketId());
        page(model, me, ticket, token, answer);
        model.addAttribute("link", link);
        if (!link.usable()) {
            return spent(model, response, text("task.link.state." + link.state()));
        }
        return "portal/task/answer";
    }

    @PostMapping({TEST_COPY + "{token}", "/portal/task-links/{token}"})
    String answerTestCopy(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String token,
            @RequestParam String answer,
            @RequestParam(defaultValue = "") String comment,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AcceptanceLinkView link = tasks.byLink(token);
        TicketView ticket = requests.ticket(link.ticketId());
        boolean accept = "accept".equals(answer);
        try {
            tasks.answerByLink(token, accept, comment, own(me, ticket) ? me.displayName() : addressee(ticket));
        } catch (DomainException e) {
            page(model, me, ticket, token, accept ? "accept" : "decline");
            model.addAttribute("link", link);
            if (SPENT.contains(e.messageKey())) {
                return spent(model, response, text(e));
            }
            // a decline without a comment: the form again, with the message
            model.addAttribute("error", text(e));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "portal/task/answer";
        }
        redirect.addFlashAttribute("flash", text(accept ? "task.portal.accepted" : "task.portal.declined"));
        if (own(me, ticket)) {
            return "redirect:/portal/requests/" + ticket.tid() + "#tasks";
        }
        return "redirect:" + TEST_COPY + token + "/done";
    }

    @GetMapping(TEST_COPY + "{token}/done")
    String testCopyDone(@AuthenticationPrincipal TideskUser me, @PathVariable String token, Model model) {
        AcceptanceLinkView link = tasks.byLink(token);
        return done(
                model,
                me,
                testCopy(token, link),
                () -> text("answer.done.task." + link.state(), link.task().title()));
    }

    @PostMapping(TEST_COPY + "{token}/password")
    String testCopyPassword(@PathVariable String token, RedirectAttributes redirect) {
        return password(testCopy(token, tasks.byLink(token)), redirect);
    }

    // ---- next month ----------------------------------------------------------------------------

    @GetMapping("/portal/deferrals/{token}")
    String oldDeferralLink(@PathVariable String token, @RequestParam(defaultValue = "") String answer) {
        return moved(DEFERRAL, token, answer);
    }

    @GetMapping(DEFERRAL + "{token}")
    String deferral(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String token,
            @RequestParam(defaultValue = "") String answer,
            Model model,
            HttpServletResponse response) {
        DeferralView d = deferrals.byToken(token);
        TicketView ticket = requests.ticket(d.ticketId());
        page(model, me, ticket, token, answer);
        model.addAttribute("deferral", d);
        if (d.status() != DeferralStatus.PROPOSED) {
            return spent(model, response, text("deferral.state." + d.status()));
        }
        if (d.expiredAt(now())) {
            return spent(model, response, text("deferral.error.expired"));
        }
        return "portal/contract/deferral";
    }

    @PostMapping({DEFERRAL + "{token}", "/portal/deferrals/{token}"})
    String answerDeferral(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String token,
            @RequestParam String answer,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DeferralView d = deferrals.byToken(token);
        TicketView ticket = requests.ticket(d.ticketId());
        Actor who = own(me, ticket)
                ? Actor.contact(me.contactId(), me.displayName())
                : Actor.contact(ticket.contactId(), addressee(ticket));
        DeferralView answered;
        try {
            answered = deferrals.answerByToken(token, "accept".equals(answer), who);
        } catch (DomainException e) {
            page(model, me, ticket, token, answer);
            model.addAttribute("deferral", d);
            return spent(model, response, text(e));
        }
        redirect.addFlashAttribute(
                "flash",
                text(answered.status() == DeferralStatus.ACCEPTED ? "deferral.accepted" : "deferral.declined"));
        if (own(me, ticket)) {
            return "redirect:/portal/requests/" + ticket.tid();
        }
        return "redirect:" + DEFERRAL + token + "/done";
    }

    @GetMapping(DEFERRAL + "{token}/done")
    String deferralDone(@AuthenticationPrincipal TideskUser me, @PathVariable String token, Model model) {
        DeferralView d = deferrals.byToken(token);
        return done(model, me, deferral(token, d), () -> text("deferral.state." + d.status()));
    }

    @PostMapping(DEFERRAL + "{token}/password")
    String deferralPassword(@PathVariable String token, RedirectAttributes redirect) {
        return password(deferral(token, deferrals.byToken(token)), redirect);
    }

    // ---- the rating ----------------------------------------------------------------------------

    @GetMapping(RATING + "{token}")
    String rating(
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

    @PostMapping(RATING + "{token}")
    String rate(
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
                : new Actor(addressee(ticket), null, ticket.contactId());
        try {
            satisfaction.rateByLink(token, PortalRatingController.good(answer), comment, who);
        } catch (DomainException e) {
            // used, expired, or the request reopened since the mail: the link is spent either way
            page(model, me, ticket, token, answer);
            return spent(model, response, text(e));
        }
        redirect.addFlashAttribute("flash", text("rating.thanks"));
        if (own(me, ticket)) {
            return "redirect:/portal/requests/" + ticket.tid() + "#rating";
        }
        return "redirect:" + RATING + token + "/done";
    }

    @GetMapping(RATING + "{token}/done")
    String ratingDone(@AuthenticationPrincipal TideskUser me, @PathVariable String token, Model model) {
        Answered link = rating(token, satisfaction.byLink(token));
        return done(
                model,
                me,
                link,
                () -> text("rating.done."
                        + satisfaction
                                .of(link.ticketId())
                                .orElseThrow(() -> new NotFoundException("No rating"))
                                .grade()));
    }

    @PostMapping(RATING + "{token}/password")
    String ratingPassword(@PathVariable String token, RedirectAttributes redirect) {
        return password(rating(token, satisfaction.byLink(token)), redirect);
    }

    // ---- shared --------------------------------------------------------------------------------

    /**
     * Where a link of any kind stands once it was followed: its request, whether it was answered, and
     * whether it is past its time (then no password is offered through it any more).
     */
    private record Answered(String base, String token, long ticketId, boolean answered, boolean expired) {

        String path() {
            return base + token;
        }
    }

    private Answered testCopy(String token, AcceptanceLinkView link) {
        return new Answered(
                TEST_COPY,
                token,
                link.ticketId(),
                link.answered(),
                !link.expiresAt().isAfter(now()));
    }

    private Answered deferral(String token, DeferralView deferral) {
        return new Answered(
                DEFERRAL, token, deferral.ticketId(), deferral.answeredAt() != null, deferral.expiredAt(now()));
    }

    private Answered rating(String token, RatingLinkView link) {
        return new Answered(
                RATING,
                token,
                link.ticketId(),
                link.usedAt() != null,
                !link.expiresAt().isAfter(now()));
    }

    /** The confirmation after an answer, with the offer of a portal password; before the answer, the question. */
    private String done(Model model, TideskUser me, Answered link, java.util.function.Supplier<String> answered) {
        if (!link.answered()) {
            return "redirect:" + link.path();
        }
        TicketView ticket = requests.ticket(link.ticketId());
        page(model, me, ticket, link.token(), "");
        model.addAttribute("answered", answered.get());
        // no offer to someone signed in already, nor for a request without a contact's address
        model.addAttribute("offerPassword", me == null && ticket.contactId() != null && ticket.contactEmail() != null);
        model.addAttribute("base", link.path());
        return "portal/answer/done";
    }

    /** The done page's offer taken: the request's contact is mailed a link to set a portal password. */
    private String password(Answered link, RedirectAttributes redirect) {
        if (!link.answered() || link.expired()) {
            throw new NotFoundException("No answered link");
        }
        invite(requests.ticket(link.ticketId()), redirect);
        return "redirect:" + link.path() + "/done";
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

    /**
     * What the page shows of the request: its TID, subject and site, and whether the person signed in
     * is a contact of its organization (only then the page links to the request in the portal).
     */
    private void page(Model model, TideskUser me, TicketView ticket, String token, String answer) {
        model.addAttribute("ticketTid", ticket.tid());
        model.addAttribute("ticketSubject", ticket.subject());
        model.addAttribute(
                "site",
                ticket.siteId() == null ? null : customers.site(ticket.siteId()).orElse(null));
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

    /** Mails the request's contact a link to set their portal password, opening their login if they have none. */
    private void invite(TicketView ticket, RedirectAttributes redirect) {
        if (ticket.contactId() == null || ticket.contactEmail() == null) {
            throw new NotFoundException("No contact to invite");
        }
        ContactView contact = customers.contact(ticket.contactId());
        try {
            Accounts.Invitation sent = accounts.inviteContact(
                    contact.email(),
                    contact.fullName(),
                    contact.id(),
                    contact.organizationId(),
                    contact.language() == null ? "ru" : contact.language(),
                    now());
            redirect.addFlashAttribute(
                    sent == Accounts.Invitation.NOT_SENT ? "error" : "flash",
                    text(sent == Accounts.Invitation.NOT_SENT ? "answer.password.not-sent" : "answer.password.sent"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text("answer.password.not-sent"));
        }
    }

    /** Tokens are URL-safe Base64; anything else is no link of ours (and never goes into a redirect). */
    private static void checkShape(String token) {
        if (!token.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new NotFoundException("Not a link token");
        }
    }

    private static boolean own(TideskUser me, TicketView ticket) {
        return me != null
                && me.contactId() != null
                && me.organizationId() != null
                && me.organizationId().equals(ticket.organizationId());
    }

    /** Who answers by the link when no contact of the organization is signed in: the person it was mailed to. */
    private static String addressee(TicketView ticket) {
        return ticket.contactName() == null ? "—" : ticket.contactName();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private String text(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
