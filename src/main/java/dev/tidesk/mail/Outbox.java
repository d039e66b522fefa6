package dev.tidesk.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tidesk.shared.NotFoundException;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The mail module's API: put a mail in the outbox, read what is there. */
@Service
@Transactional(readOnly = true)
public class Outbox {

    private final OutboxRepository outbox;
    private final MailSettings settings;

    Outbox(OutboxRepository outbox, MailSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /**
     * Queues a mail in the caller's transaction. The same event key and recipient are queued once,
     * however often this is called.
     *
     * @return false when that mail was queued before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enqueue(String eventKey, Long ticketId, String recipient, RenderedMail mail, String autoSubmitted,
            Instant now) {
        return enqueue(eventKey, ticketId, recipient, mail, autoSubmitted, List.of(), now);
    }

    /** As above, with files of the request (ticket attachment ids) sent along. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enqueue(String eventKey, Long ticketId, String recipient, RenderedMail mail, String autoSubmitted,
            List<Long> attachmentIds, Instant now) {
        if (outbox.existsByEventKeyAndRecipient(eventKey, recipient)) {
            return false;
        }
        String messageId = "<" + eventKey.replaceAll("[^A-Za-z0-9.-]", ".") + "." + now.toEpochMilli() + "@"
                + settings.domain() + ">";
        String thread = ticketId == null ? null : threadId(ticketId);
        OutboxMail queued = new OutboxMail(eventKey, ticketId, recipient, HeaderValues.clean(mail.subject()),
                mail.text(), mail.html(), messageId, thread, autoSubmitted, now);
        queued.attach(attachmentIds);
        outbox.save(queued);
        return true;
    }

    /** The Message-ID every mail of a request refers to, so mail programs thread the conversation. */
    String threadId(long ticketId) {
        return "<tidesk.request." + ticketId + "@" + settings.domain() + ">";
    }

    public List<OutboxView> recent(int limit) {
        return outbox.findRecent(PageRequest.of(0, limit)).stream().map(OutboxMail::view).toList();
    }

    public List<OutboxView> ofRequest(long ticketId) {
        return outbox.findByTicket(ticketId).stream().map(OutboxMail::view).toList();
    }

    public OutboxView mail(long id) {
        return outbox.findById(id).map(OutboxMail::view).orElseThrow(() -> new NotFoundException("No mail " + id));
    }

    public Map<OutboxStatus, Long> counts() {
        return Map.of(OutboxStatus.PENDING, outbox.countByStatus(OutboxStatus.PENDING), OutboxStatus.SENT,
                outbox.countByStatus(OutboxStatus.SENT), OutboxStatus.FAILED, outbox.countByStatus(OutboxStatus.FAILED));
    }

    @Transactional
    public void retry(long id) {
        outbox.findById(id).orElseThrow(() -> new NotFoundException("No mail " + id)).retry(Instant.now());
    }
}
