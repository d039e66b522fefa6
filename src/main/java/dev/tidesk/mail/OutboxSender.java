package dev.tidesk.mail;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tidesk.ticket.AttachmentContent;
import dev.tidesk.ticket.RequestQueries;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends what waits in the outbox when SMTP is configured ({@code spring.mail.host}). A 5xx answer
 * fails the mail for good; anything else is tried again later. Rows are locked with SKIP LOCKED,
 * so several nodes never send one mail twice.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final String LOOP_HEADER = "X-Tidesk-Loop";

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;
    private final RequestQueries requests;
    static final long MAX_ATTACHED_BYTES = 15L * 1024 * 1024;

    OutboxSender(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
            RequestQueries requests) {
        this.requests = requests;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${tidesk.mail.send-interval:5s}", initialDelayString = "${tidesk.mail.send-interval:5s}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT5M")
    public void sendDue() {
        sendBatch(50);
    }

    /** Sends up to {@code limit} due mails; returns how many were sent. */
    @Transactional
    public int sendBatch(int limit) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        List<OutboxMail> due = outbox.lockDue(Instant.now(), limit);
        for (OutboxMail mail : due) {
            try {
                sender.send(toMime(sender, mail));
                mail.sent(Instant.now());
                sent++;
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                if (isPermanent(e)) {
                    log.warn("Mail {} to {} refused for good: {}", mail.getId(), mail.getRecipient(), e.getMessage());
                    mail.failedPermanently(e.getMessage());
                } else {
                    log.info("Mail {} to {} not sent yet: {}", mail.getId(), mail.getRecipient(), e.getMessage());
                    mail.failedTemporarily(e.getMessage(), Instant.now(), settings.maxAttempts());
                }
            }
        }
        return sent;
    }

    private MimeMessage toMime(JavaMailSender sender, OutboxMail mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), HeaderValues.clean(settings.fromName()), "UTF-8"));
        helper.setReplyTo(settings.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        if (mail.getHtmlBody() != null) {
            helper.setText(mail.getTextBody(), mail.getHtmlBody());
        } else {
            helper.setText(mail.getTextBody());
        }
        long attached = 0;
        for (Long attachmentId : mail.getAttachmentIds()) {
            AttachmentContent file = requests.attachment(attachmentId, true);
            if (attached + file.content().length > MAX_ATTACHED_BYTES) {
                // the rest stays in the portal, which the mail links to
                continue;
            }
            attached += file.content().length;
            helper.addAttachment(HeaderValues.clean(file.filename()), new ByteArrayResource(file.content()),
                    file.contentType());
        }
        if (mail.getInReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.getInReplyTo());
            message.setHeader("References", mail.getInReplyTo());
        }
        if (mail.getAutoSubmitted() != null) {
            message.setHeader("Auto-Submitted", mail.getAutoSubmitted());
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.setHeader(LOOP_HEADER, settings.domain());
        message.saveChanges();
        // saveChanges() makes its own Message-ID; ours, in our domain, must win
        message.setHeader("Message-ID", mail.getMessageId());
        return message;
    }

    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MailSendException send) {
                for (Exception failed : send.getFailedMessages().values()) {
                    if (isPermanent(failed)) {
                        return true;
                    }
                }
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t
                    && isPermanent(m.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
