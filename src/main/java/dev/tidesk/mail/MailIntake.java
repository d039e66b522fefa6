package dev.tidesk.mail;

import dev.tidesk.mail.inbound.BouncingAddress;
import dev.tidesk.mail.inbound.InboundDisplay;
import dev.tidesk.mail.inbound.InboundMail;
import dev.tidesk.mail.inbound.InboundProcessor;
import dev.tidesk.mail.inbound.InboundRepository;
import dev.tidesk.mail.inbound.InboundResult;
import dev.tidesk.mail.inbound.MailDisplay;
import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.inbound.ParsedMail;
import dev.tidesk.mail.inbound.StoredMail;
import dev.tidesk.mail.inbound.UnprocessableMail;
import dev.tidesk.shared.CappedCount;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.storage.Blobs;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail module's inbound API. Every message, whatever brought it (IMAP, the SMTP receiver, an
 * import), is first stored raw with its idempotency key and committed; processing is a separate
 * step in its own transaction, retried, and a message that keeps failing waits in quarantine.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final InboundRepository inbound;
    private final InboundProcessor processor;
    private final InboundSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    private final Clock clock;
    private final MailMeters meters;
    private final Blobs blobs;

    MailIntake(
            InboundRepository inbound,
            InboundProcessor processor,
            InboundSettings settings,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            MailMeters meters,
            Blobs blobs) {
        this.clock = clock;
        this.blobs = blobs;
        this.meters = meters;
        this.inbound = inbound;
        this.processor = processor;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Stores a raw message and commits, before anything else. The same message from the same
     * source (same Message-ID, or the same bytes when it has none) is stored once.
     */
    public StoredMail store(String source, byte[] raw) {
        return store(source, raw, false);
    }

    /** As above; a silent message (imported history) mails nobody when it is processed. */
    StoredMail store(String source, byte[] raw, boolean silent) {
        Instant now = Instant.now(clock);
        boolean truncated = raw.length > settings.maxSizeBytes();
        byte[] kept = truncated ? headerPart(raw) : raw;
        InternetHeaders headers = MailParser.headers(raw);
        String messageId = MailParser.firstId(headers.getHeader("Message-ID", null));
        String content = contentHash(raw);
        // a copy delivered again is the same message; another message that reuses the Message-ID is not
        String key = messageId != null ? "mid:" + cut(messageId, 320) + "#" + content : "sha256:" + content;
        String from = MailParser.address(headers.getHeader("From", null));
        String subject =
                MailParser.decodeWords(MailParser.fixEightBit(headers.getHeader("Subject", null), raw, "Subject"));
        StoredMail stored = tx.execute(s -> {
            // the raw copy goes to storage first (in this transaction when the database keeps it)
            String rawKey = blobs.put(new ByteArrayInputStream(kept), kept.length, "message/rfc822");
            List<Long> created = jdbc.queryForList(
                    """
                    insert into mail_inbound (source, idempotency_key, message_id, from_address, subject, size_bytes,
                      raw_key, truncated, silent, content_sha256, status, attempts, next_attempt_at, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?)
                    on conflict (source, idempotency_key) do nothing returning id""",
                    Long.class,
                    cut(source, 100),
                    cut(key, 400),
                    messageId,
                    cut(from, 300),
                    cut(subject, 500),
                    raw.length,
                    rawKey,
                    truncated,
                    silent,
                    content,
                    Timestamp.from(now),
                    Timestamp.from(now));
            if (!created.isEmpty()) {
                return new StoredMail(created.get(0), true);
            }
            blobs.deleteQuietly(rawKey);
            return new StoredMail(
                    inbound.findIdByKey(cut(source, 100), cut(key, 400)).orElseThrow(), false);
        });
        if (stored.created()) {
            meters.received();
        }
        return stored;
    }

    /** Stores and processes at once; what processing does not manage waits for the retry. */
    public InboundView receive(String source, byte[] raw) {
        StoredMail stored = store(source, raw);
        InboundView processed = process(stored.id(), false);
        return processed != null ? processed : inbound(stored.id());
    }

    /**
     * Processes a stored message in its own transaction, unless it is processed already or
     * another node is at it. A failure is recorded with the message; it never reaches the caller.
     */
    public void process(long id) {
        process(id, false);
    }

    /**
     * @return the message as processed, or null when it was not processed here (done before, taken
     *         by another node, or failed)
     */
    private InboundView process(long id, boolean forceNew) {
        try {
            InboundView done = tx.execute(s -> {
                // The raw message is committed durably by store(); this transaction only derives from it
                // (the request, the status change and the counter move together or not at all), so it
                // need not wait for its WAL flush: should the database itself crash within the
                // wal_writer_delay, the whole transaction is gone and the retry redoes it from the raw copy.
                // This keeps the fsync out of the time the TID counter row is locked.
                jdbc.execute("set local synchronous_commit = off");
                return inbound.lockReceived(id)
                        .map(mail -> mail.fetchRaw(blobs))
                        .map(mail -> {
                            Instant now = Instant.now(clock);
                            InboundResult result = processor.process(mail, forceNew, now);
                            if (result.ignored()) {
                                mail.ignored(result.outcome(), result.reason(), result.ticketId(), now);
                            } else {
                                mail.processed(result.outcome(), result.ticketId(), now);
                            }
                            return inbound.save(mail).view();
                        })
                        .orElse(null);
            });
            if (done != null) {
                meters.processed();
            }
            return done;
        } catch (RuntimeException e) {
            boolean permanent = e instanceof UnprocessableMail || e instanceof DomainException;
            log.warn("Inbound mail {} not processed{}: {}", id, permanent ? " (quarantined)" : "", e.toString());
            Boolean quarantined = tx.execute(s -> inbound.findById(id)
                    .filter(m -> m.getStatus() == InboundStatus.RECEIVED)
                    .map(m -> {
                        m.failed(e.toString(), permanent, settings.maxAttempts(), Instant.now(clock));
                        return m.getStatus() == InboundStatus.QUARANTINED;
                    })
                    .orElse(false));
            if (Boolean.TRUE.equals(quarantined)) {
                meters.quarantined();
            }
            return null;
        }
    }

    /** Tries again the stored messages that are due (new ones whose processing was cut off, failed ones). */
    @Scheduled(
            fixedDelayString = "${tidesk.mail.inbound.process-interval:30s}",
            initialDelayString = "${tidesk.mail.inbound.process-interval:30s}")
    @SchedulerLock(
            name = "mail-inbound-process",
            lockAtMostFor = "${tidesk.mail.inbound.process-interval:30s}",
            lockAtLeastFor = "${tidesk.mail.inbound.process-interval:30s}")
    public void processDueMessages() {
        // a full batch means more are waiting (a backlog left by a stop): go on for half the interval,
        // well inside the lock, instead of 100 messages an interval
        long until = System.nanoTime() + settings.processInterval().toNanos() / 2;
        while (processDue(DUE_BATCH) == DUE_BATCH && System.nanoTime() < until) {
            // the next batch
        }
    }

    /** Stored messages tried again in one go. */
    public static final int DUE_BATCH = 100;

    public int processDue(int limit) {
        List<Long> due = readOnly.execute(s -> inbound.findDue(Instant.now(clock), limit));
        due.forEach(this::process);
        return due.size();
    }

    /** An admin sends a quarantined or ignored message through processing again. */
    public void reprocess(long id) {
        requeue(id);
        process(id, false);
    }

    /** An admin turns a message into a new request, whatever threading or the loop rules said. */
    public void createRequest(long id) {
        requeue(id);
        process(id, true);
        InboundView view = inbound(id);
        if (view.status() != InboundStatus.PROCESSED) {
            throw new DomainException(
                    "error.mail.unprocessable", "The message could not be turned into a request", view.lastError());
        }
    }

    private void requeue(long id) {
        tx.executeWithoutResult(s -> {
            InboundMail mail = inbound.findById(id).orElseThrow(() -> new NotFoundException("No inbound mail " + id));
            if (mail.getStatus() == InboundStatus.PROCESSED) {
                throw new DomainException("error.mail.processed", "The message is processed already");
            }
            mail.requeue(Instant.now(clock));
        });
    }

    /**
     * Imports one .eml file or a zip of them through the same pipeline, as history: nobody is mailed
     * (no acknowledgement, no notification) and requests and messages keep the dates the mails were
     * written.
     */
    public ImportResult importFile(String filename, byte[] content) {
        return importFile(filename, content, false);
    }

    /** As above; {@code acknowledge} lets the requests the import opens be acknowledged like live mail. */
    public ImportResult importFile(String filename, byte[] content, boolean acknowledge) {
        List<InboundView> results = new ArrayList<>();
        int duplicates = 0;
        String name = filename == null ? "" : filename.toLowerCase();
        if (name.endsWith(".zip")
                || (content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3)) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.isDirectory() || !entry.getName().toLowerCase().endsWith(".eml")) {
                        continue;
                    }
                    byte[] raw = zip.readNBytes((int) Math.min(settings.maxSizeBytes() * 2, Integer.MAX_VALUE - 8));
                    StoredMail stored = store("import", raw, !acknowledge);
                    duplicates += stored.created() ? 0 : 1;
                    process(stored.id());
                    results.add(inbound(stored.id()));
                }
            } catch (IOException e) {
                throw new DomainException("error.mail.import", "Unreadable zip: " + e.getMessage());
            }
        } else {
            StoredMail stored = store("import", content, !acknowledge);
            duplicates += stored.created() ? 0 : 1;
            process(stored.id());
            results.add(inbound(stored.id()));
        }
        return new ImportResult(results, duplicates);
    }

    public InboundView inbound(long id) {
        return readOnly.execute(s -> inbound.findById(id)
                .map(InboundMail::view)
                .orElseThrow(() -> new NotFoundException("No inbound mail " + id)));
    }

    public byte[] raw(long id) {
        return readOnly.execute(s -> inbound.findById(id)
                .map(m -> m.fetchRaw(blobs).getRaw())
                .orElseThrow(() -> new NotFoundException("No inbound mail " + id)));
    }

    /** The message as stored, to download: streamed from storage, never held whole. */
    public org.springframework.core.io.Resource rawContent(long id) {
        InboundMail mail = readOnly.execute(
                s -> inbound.findById(id).orElseThrow(() -> new NotFoundException("No inbound mail " + id)));
        if (mail.getRawKey() != null) {
            return blobs.resource(mail.getRawKey());
        }
        return new org.springframework.core.io.ByteArrayResource(mail.getRaw());
    }

    /** The message as staff read it: sanitized HTML, text, files and what the parser noticed. */
    public InboundDisplay display(long id, boolean remoteImages) {
        InboundView view = inbound(id);
        ParsedMail parsed = MailParser.parse(raw(id));
        return MailDisplay.of(view, parsed, remoteImages);
    }

    /** A file of the message, by its position in {@link InboundDisplay#files()}. */
    public InboundFile file(long id, int index) {
        ParsedMail parsed = MailParser.parse(raw(id));
        if (index < 0 || index >= parsed.attachments().size()) {
            throw new NotFoundException("No file " + index + " in mail " + id);
        }
        ParsedMail.Part part = parsed.attachments().get(index);
        return new InboundFile(part.filename(), part.contentType(), part.content());
    }

    public List<InboundView> recent(InboundStatus status, int limit) {
        PageRequest page = PageRequest.of(0, limit);
        return readOnly.execute(
                s -> (status == null ? inbound.findRecent(page) : inbound.findRecentByStatus(status, page))
                        .stream().map(InboundMail::view).toList());
    }

    public List<InboundView> ofRequest(long ticketId) {
        return readOnly.execute(s ->
                inbound.findByTicket(ticketId).stream().map(InboundMail::view).toList());
    }

    /**
     * The admins' tiles: the messages waiting or in quarantine, and the last day's processed and set
     * aside ({@link MailTiles}).
     */
    public Map<InboundStatus, CappedCount> counts() {
        return MailTiles.count(
                jdbc,
                "mail_inbound",
                InboundStatus.class,
                Set.of(InboundStatus.PROCESSED, InboundStatus.IGNORED),
                "received_at",
                Instant.now(clock));
    }

    /** The addresses marked as bouncing, the latest first. */
    public List<BouncingAddress> bouncingAddresses(int limit) {
        return readOnly.execute(s -> jdbc.query(
                """
                select address, reason, ticket_id, bounced_at from mail_bouncing_address order by bounced_at desc
                limit ?""",
                (rs, n) -> new BouncingAddress(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getTimestamp(4).toInstant()),
                limit));
    }

    /** An admin clears the mark: automatic mail goes to the address again. */
    public void clearBouncing(String address) {
        tx.executeWithoutResult(s -> {
            if (jdbc.update(
                            "delete from mail_bouncing_address where address = ?",
                            address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT))
                    == 0) {
                throw new NotFoundException("No bouncing address " + address);
            }
        });
    }

    private static byte[] headerPart(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int limit = Math.min(raw.length, 256 * 1024);
        for (int i = 0; i < limit; i++) {
            if (i + 1 < limit
                    && raw[i] == '\n'
                    && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < limit && raw[i + 2] == '\n'))) {
                out.write(raw, 0, i + 1);
                break;
            }
        }
        if (out.size() == 0) {
            out.write(raw, 0, limit);
        }
        out.writeBytes("\r\n[The message was larger than the limit; only its header is kept.]\r\n".getBytes());
        return out.toByteArray();
    }

    /** Header fields that servers add on the way; a copy delivered again differs only in these. */
    private static final java.util.Set<String> TRACE_FIELDS = java.util.Set.of(
            "received",
            "return-path",
            "delivered-to",
            "x-original-to",
            "envelope-to",
            "x-received",
            "authentication-results",
            "received-spf",
            "x-envelope-from",
            "x-envelope-to",
            "x-delivered-to",
            "x-rcpt-to",
            "x-uid",
            "status",
            "x-status",
            "x-keywords",
            "x-mozilla-status",
            "x-mozilla-status2");

    /**
     * SHA-256 of the message as its author sent it: without the trace fields servers add, and with
     * every line ending as LF (IMAP and SMTP copies differ there).
     */
    static String contentHash(byte[] raw) {
        String text = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        String header = end < 0 ? text : text.substring(0, end + 1);
        String body = end < 0 ? "" : text.substring(end + 1);
        StringBuilder kept = new StringBuilder();
        boolean keep = true;
        for (String line : header.split("\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (keep) {
                    kept.append(line).append('\n');
                }
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            keep = !TRACE_FIELDS.contains(name)
                    && !name.startsWith("arc-")
                    && !name.startsWith("x-spam")
                    && !name.startsWith("x-virus");
            if (keep && !line.isEmpty()) {
                kept.append(line).append('\n');
            }
        }
        return sha256((kept + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
