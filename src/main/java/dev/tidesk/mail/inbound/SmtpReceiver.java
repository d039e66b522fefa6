package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.MailIntake;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server a mail server can deliver to directly (off unless
 * {@code tidesk.mail.inbound.smtp.enabled}). It answers 250 only after the raw message is
 * committed; when the database is down or the commit fails it answers 451, so the sender keeps
 * the message and tries again. Processing runs after the answer, from the stored copy.
 */
@Component
public class SmtpReceiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpReceiver.class);

    private final MailIntake intake;
    private final InboundSettings settings;
    private final ExecutorService processing;
    private volatile SMTPServer server;

    SmtpReceiver(MailIntake intake, InboundSettings settings) {
        this.intake = intake;
        this.settings = settings;
        this.processing = Executors.newFixedThreadPool(settings.smtp().processingThreads(), r -> {
            Thread t = new Thread(r, "smtp-inbound-process");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start() {
        if (settings.smtp().enabled()) {
            start(settings.smtp().port());
        }
    }

    /** Starts listening on the given port (0 picks a free one); returns the port. */
    public synchronized int start(int port) {
        if (server != null) {
            return server.getPortAllocated();
        }
        SMTPServer s =
                server(port, raw -> intake.store("smtp", raw), id -> processing.execute(() -> intake.process(id)));
        s.start();
        server = s;
        log.info("SMTP receiver listening on port {}", s.getPortAllocated());
        return s.getPortAllocated();
    }

    public SMTPServer server(
            int port, Function<byte[], StoredMail> store, java.util.function.LongConsumer afterCommit) {
        try {
            return SMTPServer.port(port)
                    .bindAddress(InetAddress.getByName(settings.smtp().bindAddress()))
                    .softwareName("Tidesk")
                    .maxMessageSize((int) Math.min(settings.maxSizeBytes(), Integer.MAX_VALUE))
                    .connectionTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                    .maxRecipients(100)
                    .messageHandlerFactory(context -> new Handler(store, afterCommit, settings.maxSizeBytes()))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Bad SMTP bind address " + settings.smtp().bindAddress(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** One SMTP transaction: the message is stored and committed before the answer. */
    static final class Handler implements MessageHandler {

        private final Function<byte[], StoredMail> store;
        private final java.util.function.LongConsumer afterCommit;
        private final long maxSize;

        Handler(Function<byte[], StoredMail> store, java.util.function.LongConsumer afterCommit, long maxSize) {
            this.store = store;
            this.afterCommit = afterCommit;
            this.maxSize = maxSize;
        }

        @Override
        public void from(String from) {
            // any envelope sender; the loop rules look at the message itself
        }

        @Override
        public void recipient(String recipient) {
            // every recipient of this server is a support address
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            byte[] raw = data.readNBytes((int) Math.min(maxSize + 1, Integer.MAX_VALUE - 8));
            if (raw.length > maxSize) {
                drain(data);
                // a permanent answer: the sending server returns it to the sender at once, in these words,
                // instead of retrying for days (a 4xx) while the client hears nothing
                throw new RejectException(552, tooLarge(maxSize));
            }
            StoredMail stored;
            try {
                stored = store.apply(raw);
            } catch (RuntimeException e) {
                log.warn("SMTP message not stored, answering 451: {}", e.toString());
                throw new RejectException(451, "4.3.0 Temporary failure, please try again later");
            }
            try {
                afterCommit.accept(stored.id());
            } catch (RuntimeException e) {
                log.warn("Inbound mail {} stored; processing will be retried: {}", stored.id(), e.toString());
            }
            return null;
        }

        /** The same words as the reply to a too-large message by IMAP, in ASCII as SMTP requires. */
        static String tooLarge(long maxSize) {
            return "5.3.4 Your message is larger than " + Math.max(1, maxSize / (1024 * 1024))
                    + " MB, so we could not take it in. Please send it again without the large files, or put them"
                    + " on a file share and send us the link.";
        }

        /** Reads the rest of the message, so the answer comes after the end of DATA as SMTP expects. */
        private static void drain(InputStream data) {
            try {
                data.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // the server's own limit cut it off; the answer is the same
            }
        }

        @Override
        public void done() {
            // nothing held
        }
    }
}
