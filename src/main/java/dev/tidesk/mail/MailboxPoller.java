package dev.tidesk.mail;

import dev.tidesk.mail.inbound.Mailbox;
import dev.tidesk.mail.inbound.MailboxRepository;
import dev.tidesk.mail.inbound.StoredMail;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls IMAP mailboxes by UID. For each message above the last UID taken in: store it raw
 * (committed), process it (committed, or recorded as failed), move the position on, and only
 * then move the message to the processed folder. Killed anywhere in between, the next poll
 * finds the message again and recognises it by its key: nothing lost, nothing twice.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    static final int BATCH = 100;

    private final MailboxRepository mailboxes;
    private final MailIntake intake;
    private final InboundSettings settings;
    private final TransactionTemplate tx;

    /** For tests: a stage at which the poll stops as if the process were killed there. */
    static volatile String crashAt;

    private final Clock clock;

    MailboxPoller(
            MailboxRepository mailboxes,
            MailIntake intake,
            InboundSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clock = clock;
        this.mailboxes = mailboxes;
        this.intake = intake;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(
            fixedDelayString = "${tidesk.mail.inbound.poll-interval:10s}",
            initialDelayString = "${tidesk.mail.inbound.poll-interval:10s}")
    @SchedulerLock(
            name = "mail-imap-poll",
            lockAtMostFor = "${tidesk.mail.inbound.poll-interval:10s}",
            lockAtLeastFor = "${tidesk.mail.inbound.poll-interval:10s}")
    public void pollDue() {
        Instant now = Instant.now(clock);
        List<Long> due = tx.execute(s -> mailboxes.findAllOrdered().stream()
                .filter(m -> m.due(now))
                .map(Mailbox::getId)
                .toList());
        for (Long id : due) {
            poll(id);
        }
    }

    /** Polls one mailbox now; returns how many new messages it took in. Errors are kept on the mailbox. */
    public int poll(long mailboxId) {
        Mailbox box = tx.execute(s -> mailboxes.findById(mailboxId).orElseThrow());
        int taken = 0;
        String error = null;
        Store store = null;
        Folder folder = null;
        try {
            Session session = Session.getInstance(properties(box));
            store = session.getStore(box.isTls() ? "imaps" : "imap");
            store.connect(box.getHost(), box.getPort(), box.getUsername(), box.getPassword());
            folder = store.getFolder(box.getFolder());
            folder.open(Folder.READ_WRITE);
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long lastUid = tx.execute(s -> {
                Mailbox m = mailboxes.findById(mailboxId).orElseThrow();
                if (m.validity(validity)) {
                    log.info(
                            "Mailbox {}: UIDVALIDITY is now {}, every message is looked at again",
                            m.getName(),
                            validity);
                }
                return m.getLastUid();
            });
            Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, profile);
            List<Message> fresh = Arrays.stream(messages)
                    .filter(m -> uid(uids, m) > lastUid)
                    .sorted(Comparator.comparingLong(m -> uid(uids, m)))
                    .limit(BATCH)
                    .toList();
            Folder processed = null;
            if (box.getProcessedFolder() != null) {
                processed = store.getFolder(box.getProcessedFolder());
                if (!processed.exists()) {
                    processed.create(Folder.HOLDS_MESSAGES);
                }
            }
            boolean expunge = false;
            if (processed != null && lastUid > 0) {
                expunge = moveLeftovers(uids, lastUid, folder, processed);
            }
            for (Message message : fresh) {
                long uid = uid(uids, message);
                byte[] raw = raw(message);
                StoredMail stored = intake.store(box.getName(), raw);
                crash("stored");
                intake.process(stored.id());
                crash("processed");
                tx.executeWithoutResult(
                        s -> mailboxes.findById(mailboxId).orElseThrow().advance(uid));
                crash("advanced");
                if (processed != null) {
                    folder.copyMessages(new Message[] {message}, processed);
                    message.setFlag(Flags.Flag.DELETED, true);
                    expunge = true;
                } else {
                    message.setFlag(Flags.Flag.SEEN, true);
                }
                taken += stored.created() ? 1 : 0;
            }
            folder.close(expunge);
            folder = null;
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof SimulatedCrash crash) {
                throw crash;
            }
            error = MailboxErrors.word(e);
            log.warn("Mailbox {} not polled: {}", box.getName(), e.toString());
        } finally {
            closeQuietly(folder, store);
        }
        String lastError = error;
        tx.executeWithoutResult(
                s -> mailboxes.findById(mailboxId).ifPresent(m -> m.polled(Instant.now(clock), lastError)));
        return taken;
    }

    /**
     * Messages at or below the position were taken in (stored and committed) by an earlier poll
     * whose connection dropped before it moved them: move them now, so nothing stays in the
     * folder for good. Only with a processed folder, where the watched folder holds little else.
     */
    private static boolean moveLeftovers(UIDFolder uids, long lastUid, Folder folder, Folder processed)
            throws MessagingException {
        Message[] taken = uids.getMessagesByUID(1, lastUid);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(taken, profile);
        List<Message> left = Arrays.stream(taken)
                .filter(m -> m != null && !m.isExpunged() && uid(uids, m) <= lastUid && !isDeleted(m))
                .toList();
        if (left.isEmpty()) {
            return false;
        }
        log.info(
                "Moving {} message(s) taken in before but left in {} by a dropped connection",
                left.size(),
                folder.getFullName());
        Message[] moving = left.toArray(Message[]::new);
        folder.copyMessages(moving, processed);
        folder.setFlags(moving, new Flags(Flags.Flag.DELETED), true);
        return true;
    }

    private static boolean isDeleted(Message m) {
        try {
            return m.isSet(Flags.Flag.DELETED);
        } catch (MessagingException e) {
            return true;
        }
    }

    private byte[] raw(Message message) throws MessagingException, IOException {
        long size = message.getSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 ? (int) Math.min(size, 1 << 20) : 8192);
        message.writeTo(out);
        return out.toByteArray();
    }

    private void crash(String stage) {
        if (stage.equals(crashAt)) {
            throw new SimulatedCrash(stage);
        }
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String stage) {
            super("Simulated crash after " + stage);
        }
    }

    private static long uid(UIDFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties properties(Mailbox box) {
        Properties p = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            // a mail server answers at once or not at all: fail fast rather than hold a poller thread
            p.setProperty("mail." + protocol + ".connectiontimeout", "5000");
            p.setProperty("mail." + protocol + ".timeout", "20000");
            p.setProperty("mail." + protocol + ".writetimeout", "10000");
            p.setProperty("mail." + protocol + ".peek", "true");
            p.setProperty("mail." + protocol + ".partialfetch", "false");
        }
        p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        return p;
    }

    private static void closeQuietly(Folder folder, Store store) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is gone anyway
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // idem
        }
    }
}
