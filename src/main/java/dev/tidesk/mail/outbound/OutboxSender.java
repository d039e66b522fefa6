package dev.tidesk.mail.outbound;

import dev.tidesk.mail.MailMeters;
import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.OutboxStatus;
import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.ticket.AttachmentContent;
import dev.tidesk.ticket.RequestQueries;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox when SMTP is configured ({@code spring.mail.host}).
 * <p>
 * Each mail is sent in a transaction of its own: its row is locked (SKIP LOCKED, so several nodes
 * never take one mail), the mail goes out, and the outcome is saved and committed before the next
 * mail is taken. A crash therefore resends at most the one mail that was in flight. A 5xx answer
 * fails the mail for good; anything else is tried again after a growing delay, and a mail that is
 * waiting for its next attempt never holds back the others: the oldest due mail is taken first.
 * When the server can't be reached at all, the run stops there instead of burning an attempt of
 * every waiting mail.
 * <p>
 * A run keeps its SMTP connection from one mail to the next (at most {@link #MAILS_PER_CONNECTION}
 * mails on one), as mail servers expect of a client with many mails; the transactions stay one a
 * mail. A kept connection that the server closed is opened again at once for the mail that found it
 * closed, which costs that mail no attempt.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    public static final String LOOP_HEADER = "X-Tidesk-Loop";
    /**
     * How long one run goes on while full batches are due; the job lock is kept alive meanwhile, and
     * the scheduler's other thread runs the other jobs.
     */
    static final java.time.Duration RUN_TIME = java.time.Duration.ofMinutes(1);
    /**
     * Mails sent over one SMTP connection before it is closed and a new one opened: servers limit
     * this (Exchange Online and Gmail accept about a hundred), and a long-lived connection is how a
     * relay sees a client that never lets go.
     */
    static final int MAILS_PER_CONNECTION = 100;
    /** Exception chains of mail can loop (a next exception that is also the cause); ten links are plenty. */
    private static final int MAX_CHAIN = 10;

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSenderImpl> mailSender;
    private final MailSettings settings;
    private final RequestQueries requests;
    private final TransactionTemplate tx;
    static final long MAX_ATTACHED_BYTES = 15L * 1024 * 1024;

    private final Clock clock;
    private final MailMeters meters;

    OutboxSender(
            OutboxRepository outbox,
            ObjectProvider<JavaMailSenderImpl> mailSender,
            MailSettings settings,
            RequestQueries requests,
            PlatformTransactionManager transactions,
            Clock clock,
            MailMeters meters) {
        this.clock = clock;
        this.meters = meters;
        this.requests = requests;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The scheduled run: sends what is due, one committed mail at a time, batch after batch
     * ({@code tidesk.mail.send-batch}, 200) while each batch finds a full batch due, for up to
     * {@link #RUN_TIME}. (One batch a run, with the interval between runs, drained a backlog at 28
     * mails a second into a local Postfix: 594,000 pending mails would have taken six hours.)
     */
    @Scheduled(
            fixedDelayString = "${tidesk.mail.send-interval:5s}",
            initialDelayString = "${tidesk.mail.send-interval:5s}")
    @SchedulerLock(
            name = "mail-outbox",
            lockAtMostFor = "${tidesk.mail.send-interval:5s}",
            lockAtLeastFor = "${tidesk.mail.send-interval:5s}")
    public void sendDue() {
        long until = System.nanoTime() + RUN_TIME.toNanos();
        int batch = settings.sendBatch();
        while (sendDue(batch) == batch && System.nanoTime() < until) {
            // a full batch: more may be due
        }
    }

    /**
     * Sends up to {@code limit} due mails, each in its own transaction; returns how many were sent.
     * Stops early when nothing is due or the SMTP server can't be reached.
     */
    public int sendDue(int limit) {
        JavaMailSenderImpl sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        try (SmtpConnection connection = new SmtpConnection(sender)) {
            for (int i = 0; i < limit; i++) {
                Attempt attempt = attempt(connection);
                if (attempt == Attempt.NOTHING_DUE || attempt == Attempt.SERVER_UNREACHABLE) {
                    break;
                }
                // counted here, after the mail's transaction committed
                if (attempt == Attempt.SENT) {
                    sent++;
                    meters.sent();
                } else if (attempt == Attempt.FAILED) {
                    meters.failed();
                }
            }
        }
        return sent;
    }

    /**
     * The SMTP connection of a run, opened for its first mail and kept for the next ones, with the
     * session and settings of the sender Spring Boot makes of {@code spring.mail.*}.
     */
    private final class SmtpConnection implements AutoCloseable {
        private final JavaMailSenderImpl smtp;
        private Transport transport;
        private int sentOnIt;

        SmtpConnection(JavaMailSenderImpl smtp) {
            this.smtp = smtp;
        }

        MimeMessage newMessage() {
            return smtp.createMimeMessage();
        }

        void send(MimeMessage message) throws MessagingException {
            boolean kept = transport != null;
            if (!kept) {
                open();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                boolean dropped = !connected();
                close();
                if (!kept || !dropped) {
                    throw e;
                }
                // the server closed the kept connection (its limit of mails, an idle timeout), so the
                // mail goes on a new one now instead of an attempt later. Should the server have
                // taken it just before closing, it goes twice, as it would on that later attempt.
                // Any other failure closes the connection too: the next mail starts clean.
                log.debug("SMTP connection closed by the server after {} mails, opening another", sentOnIt);
                open();
                transport.sendMessage(message, message.getAllRecipients());
            }
            if (++sentOnIt >= MAILS_PER_CONNECTION) {
                close();
            }
        }

        private void open() throws MessagingException {
            // as JavaMailSenderImpl connects for each send: an empty user name means none
            String username = smtp.getUsername();
            String password = smtp.getPassword();
            if ("".equals(username)) {
                username = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            String protocol = smtp.getProtocol() != null ? smtp.getProtocol() : "smtp";
            Transport t = smtp.getSession().getTransport(protocol);
            t.connect(smtp.getHost(), smtp.getPort(), username, password);
            transport = t;
            sentOnIt = 0;
        }

        private boolean connected() {
            try {
                return transport.isConnected(); // a NOOP to the server, asked only after a failure
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("SMTP connection did not close cleanly: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    enum Attempt {
        SENT,
        RETRY_LATER,
        FAILED,
        SERVER_UNREACHABLE,
        NOTHING_DUE
    }

    /**
     * One mail in one transaction. Should that transaction fail to commit (a call into another
     * module threw and marked it rollback-only, say), the failure is recorded on the mail in a
     * new transaction, so that no mail can block the outbox by failing the same way forever.
     */
    private Attempt attempt(SmtpConnection connection) {
        AtomicReference<Long> taken = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        try {
            return tx.execute(s -> sendOne(connection, taken, error));
        } catch (RuntimeException e) {
            Long id = taken.get();
            if (id == null) {
                throw e;
            }
            String why = error.get() != null ? error.get() : describe(e);
            log.warn("Mail {} not sent, its attempt could not be saved: {}", id, why);
            tx.executeWithoutResult(s -> outbox.findById(id)
                    .filter(m -> m.getStatus() == OutboxStatus.PENDING)
                    .ifPresent(m -> m.failedTemporarily(
                            why,
                            Instant.now(clock),
                            settings.maxAttempts(),
                            settings.retryDelay(),
                            settings.maxRetryDelay())));
            return Attempt.RETRY_LATER;
        }
    }

    /** Takes the oldest due mail, sends it and records the outcome; runs in the caller's transaction. */
    private Attempt sendOne(SmtpConnection connection, AtomicReference<Long> taken, AtomicReference<String> error) {
        Instant now = Instant.now(clock);
        List<OutboxMail> due = outbox.lockDue(now, 1);
        if (due.isEmpty()) {
            return Attempt.NOTHING_DUE;
        }
        OutboxMail mail = due.get(0);
        taken.set(mail.getId());
        try {
            connection.send(toMime(connection.newMessage(), mail));
            mail.sent(Instant.now(clock));
            return Attempt.SENT;
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            error.set(describe(e));
            if (isPermanent(e)) {
                log.warn("Mail {} to {} refused for good: {}", mail.getId(), mail.getRecipient(), e.getMessage());
                mail.failedPermanently(describe(e));
                return Attempt.FAILED;
            }
            mail.failedTemporarily(
                    describe(e),
                    Instant.now(clock),
                    settings.maxAttempts(),
                    settings.retryDelay(),
                    settings.maxRetryDelay());
            if (isUnreachable(e)) {
                log.warn("SMTP server not reachable, mail {} waits: {}", mail.getId(), e.getMessage());
                return Attempt.SERVER_UNREACHABLE;
            }
            log.info("Mail {} to {} not sent yet: {}", mail.getId(), mail.getRecipient(), e.getMessage());
            return mail.getStatus() == OutboxStatus.FAILED ? Attempt.FAILED : Attempt.RETRY_LATER;
        } finally {
            outbox.save(mail);
        }
    }

    /**
     * A text file's type with the charset its bytes are in. Without one, mail libraries label a
     * text attachment with the mail's own charset (UTF-8), and a windows-1251 or KOI8-R file
     * arrives unreadable.
     */
    public static String attachmentType(String contentType, byte[] content) {
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("text/") || lower.contains("charset=")) {
            return type;
        }
        java.nio.charset.Charset charset = MailParser.isAsciiOrUtf8(content)
                ? java.nio.charset.StandardCharsets.UTF_8
                : MailParser.detected(content);
        // the detector takes short windows-1251 text for Mac Cyrillic, which nobody writes any more
        String name = charset.name().equalsIgnoreCase("x-MacCyrillic") ? "windows-1251" : charset.name();
        return type + "; charset=" + name;
    }

    /** The server's own words when it gave any, else the exception's message. */
    public static String describe(Throwable e) {
        String server = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_CHAIN; t = next(t)) {
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                server = s.getMessage();
            } else if (t instanceof SMTPAddressFailedException a && a.getReturnCode() > 0) {
                server = a.getMessage();
            }
        }
        String text = server != null ? server : e.getMessage() != null ? e.getMessage() : e.toString();
        return text.strip();
    }

    /** The server was not reached or did not let us in: no mail can go out now, whatever its recipient. */
    public static boolean isUnreachable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < MAX_CHAIN; t = next(t)) {
            if (t instanceof MailAuthenticationException
                    || t instanceof jakarta.mail.AuthenticationFailedException
                    || t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException
                    || t instanceof org.eclipse.angus.mail.util.MailConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception failed = send.getFailedMessages().values().iterator().next();
            if (failed != t) {
                return failed;
            }
        }
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private MimeMessage toMime(MimeMessage message, OutboxMail mail)
            throws MessagingException, UnsupportedEncodingException {
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
            if (attached + file.size() > MAX_ATTACHED_BYTES) {
                // the rest stays in the portal, which the mail links to
                continue;
            }
            attached += file.size();
            byte[] content = file.bytes();
            helper.addAttachment(
                    HeaderValues.clean(file.filename()),
                    new ByteArrayResource(content),
                    attachmentType(file.contentType(), content));
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
        message.setSentDate(java.util.Date.from(Instant.now(clock)));
        message.saveChanges();
        // saveChanges() makes its own Message-ID; ours, in our domain, must win
        message.setHeader("Message-ID", mail.getMessageId());
        return message;
    }

    public static boolean isPermanent(Throwable e) {
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
            if (t instanceof MessagingException m
                    && m.getNextException() != null
                    && m.getNextException() != t
                    && isPermanent(m.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
