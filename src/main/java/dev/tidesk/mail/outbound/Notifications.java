package dev.tidesk.mail.outbound;

import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestCreated;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestStatusChanged;
import dev.tidesk.ticket.RequestsMerged;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.StaffReplied;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the client what happened to their request (R3, R4): the acknowledgement with the TID,
 * every public staff reply, and the status changes that concern them. Runs inside the
 * transaction of the change, so the mail is queued exactly when the change is committed.
 */
@Component
class Notifications {

    private final RequestQueries requests;
    private final Installation installation;
    private final MessageSource messages;
    private final AutoMailGuard guard;
    private final ClientMailer mailer;
    private final OutboxQueue outbox;

    private final Clock clock;
    private final Satisfaction satisfaction;

    /** The rating page of the resolution mail's link; its token follows. */
    static final String RATING = "/portal/answer/rating/";

    Notifications(
            RequestQueries requests,
            Installation installation,
            MessageSource messages,
            AutoMailGuard guard,
            ClientMailer mailer,
            OutboxQueue outbox,
            Satisfaction satisfaction,
            Clock clock) {
        this.satisfaction = satisfaction;
        this.clock = clock;
        this.outbox = outbox;
        this.requests = requests;
        this.installation = installation;
        this.messages = messages;
        this.guard = guard;
        this.mailer = mailer;
    }

    @EventListener
    void on(RequestCreated event) {
        TicketView ticket = requests.ticket(event.ticketId());
        String to = ticket.contactEmail();
        // the loop guard is for mail that answers mail; a request the client made in the portal, by
        // phone or through the API is always acknowledged
        var held = to == null || to.isBlank() || ticket.channel() != dev.tidesk.ticket.Channel.EMAIL
                ? java.util.Optional.<AutoMailGuard.Hold>empty()
                : guard.holdBack(to, Instant.now(clock));
        if (held.isPresent() && held.get() == AutoMailGuard.Hold.AUTOMATIC) {
            // the request came from automatic mail (the incoming-mail page says which): never answered
            return;
        }
        String key = "ack:" + ticket.id();
        // the requester's receipt for what they sent: nobody else's business
        mailer.send(aboutRequest(ticket, key, "acknowledgement", "mail.ack.subject", Map.of())
                .autoReplied());
        // to a bouncing address, to ourselves, or over the hourly cap: kept, in words, not sent
        held.ifPresent(reason -> outbox.holdBack(key, to, reason));
    }

    @EventListener
    void on(StaffReplied event) {
        TicketView ticket = requests.ticket(event.ticketId());
        List<MessageView> conversation = requests.messages(ticket.id(), false);
        MessageView reply = conversation.stream()
                .filter(m -> m.id() == event.messageId())
                .findFirst()
                .orElse(null);
        if (reply == null || reply.kind() != MessageKind.STAFF_REPLY) {
            return;
        }
        mailer.sendWithCopies(aboutRequest(
                        ticket, "reply:" + reply.id(), "reply", "mail.reply.subject", Map.of("reply", reply))
                .withAttachments(reply.attachments().stream().map(a -> a.id()).toList()));
    }

    @EventListener
    void on(RequestStatusChanged event) {
        if (event.to() != Status.WAITING_FOR_CLIENT && event.to() != Status.RESOLVED) {
            return;
        }
        TicketView ticket = requests.ticket(event.ticketId());
        String key = "status:" + ticket.id() + ":" + event.to() + ":"
                + ticket.updatedAt().toEpochMilli();
        Map<String, Object> extra = new java.util.HashMap<>();
        extra.put("newStatus", event.to().name());
        extra.put("newStatusKey", "status." + event.to().name());
        ClientMail mail = aboutRequest(ticket, key, "status", "mail.status.subject", extra);
        if (event.to() == Status.RESOLVED && ticket.contactEmail() != null && !guard.isSilent()) {
            // "Вопрос решён?": a single-use link, the answer chosen by the button the client presses
            String link = installation.baseUrl() + RATING + satisfaction.issueLink(ticket.id());
            mail = mail.withSingleUseLinks(
                    Map.of("ratingGoodLink", link + "?answer=good", "ratingBadLink", link + "?answer=bad"));
        }
        mailer.sendWithCopies(mail);
    }

    /**
     * The client of a merged request is told once where it went, in their language; keyed by the
     * merged request, so a retried or repeated event mails nothing more.
     */
    @EventListener
    void on(RequestsMerged event) {
        TicketView merged = requests.ticket(event.mergedId());
        mailer.send(ClientMail.about(
                        merged,
                        "merged:" + merged.id(),
                        "merged",
                        installation.baseUrl() + "/portal/requests/" + event.survivorTid(),
                        "mail.merged.subject",
                        merged.tid(),
                        event.survivorTid())
                .withVars((locale, vars) -> vars.put("survivorTid", event.survivorTid())));
    }

    /** A mail about the request with its page as the link, its TID and subject in the mail's subject. */
    private ClientMail aboutRequest(
            TicketView ticket, String eventKey, String template, String subjectKey, Map<String, Object> extra) {
        return ClientMail.about(
                        ticket,
                        eventKey,
                        template,
                        installation.baseUrl() + "/portal/requests/" + ticket.tid(),
                        subjectKey,
                        ticket.tid(),
                        ticket.subject())
                .withVars((locale, vars) -> {
                    vars.putAll(extra);
                    if (extra.containsKey("newStatusKey")) {
                        vars.put(
                                "newStatusLabel",
                                messages.getMessage((String) extra.get("newStatusKey"), null, locale));
                    }
                });
    }
}
