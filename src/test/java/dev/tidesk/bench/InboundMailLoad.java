package dev.tidesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An external load driver for inbound mail: a process of its own that delivers mail to Tidesk's SMTP
 * receiver ({@code tidesk.mail.inbound.smtp.enabled=true}) as a mail server does, over several
 * connections at once, each connection sending one message after another. Every 250 answer means
 * the raw message is committed (durably); the driver prints p50/p95/p99 of the whole SMTP
 * transaction (MAIL FROM to the answer after DATA) and the messages accepted per second. Processing
 * (threading, the request, the acknowledgement) follows from the stored copy; measure its rate from
 * the database (docs/benchmarks.md shows how). It needs nothing but the JDK:
 *
 * <pre>
 * java src/test/java/dev/tidesk/bench/InboundMailLoad.java --smtp 127.0.0.1:2525 \
 *     [--connections 4] [--seconds 60] [--warmup 5] [--orgs 1000] [--domain bench.example] [--to support@tidesk.example]
 *     [--senders known|new]
 * </pre>
 *
 * The senders are the generated contacts {@code contact1@orgN.<domain>}; with {@code --senders new}
 * each message comes from an address never seen before at a client's domain, so that processing
 * also creates a contact. About one message in four answers an existing request by its TID in the
 * subject when {@code --tids} names a few (comma-separated), the others are new requests.
 */
public final class InboundMailLoad {

    private final String host;
    private final int port;
    private final int orgs;
    private final String domain;
    private final String to;
    private final List<String> tids;
    private final boolean newSenders;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile String lastError;

    InboundMailLoad(String host, int port, int orgs, String domain, String to, List<String> tids, boolean newSenders) {
        this.newSenders = newSenders;
        this.host = host;
        this.port = port;
        this.orgs = orgs;
        this.domain = domain;
        this.to = to;
        this.tids = tids;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String[] smtp = o.getOrDefault("smtp", "127.0.0.1:2525").split(":");
        List<String> tids = o.containsKey("tids") ? List.of(o.get("tids").split(",")) : List.of();
        InboundMailLoad load = new InboundMailLoad(
                smtp[0],
                Integer.parseInt(smtp[1]),
                Integer.parseInt(o.getOrDefault("orgs", "1000")),
                o.getOrDefault("domain", "bench.example"),
                o.getOrDefault("to", "support@tidesk.example"),
                tids,
                "new".equals(o.get("senders")));
        load.run(
                Integer.parseInt(o.getOrDefault("connections", "4")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "5"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "60"))));
    }

    void run(int connections, Duration warmup, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> sender(measureFrom, end), "smtp-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] ms = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = duration.toNanos() / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%d SMTP connection(s), %.0f s after %d s warm-up:%n%n",
                connections,
                seconds,
                warmup.toSeconds());
        System.out.println("| action | messages | refused | p50 ms | p95 ms | p99 ms | per second |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        System.out.printf(
                Locale.ROOT,
                "| SMTP delivery (250 = stored) | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                ms.length,
                refused.get(),
                pct(ms, 50),
                pct(ms, 95),
                pct(ms, 99),
                ms.length / seconds);
        System.out.println("messages sent in all (warm-up included): " + sequence.get());
        if (lastError != null) {
            System.out.println("last error: " + lastError);
        }
    }

    private void sender(long measureFrom, long end) {
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket(host, port)) {
                socket.setSoTimeout(60_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                expect(in, "220");
                command(out, "EHLO load.example");
                expect(in, "250");
                while (System.nanoTime() < end) {
                    long n = sequence.incrementAndGet();
                    String from = (newSenders ? "new" + runId + "-" + n : "contact1") + "@org"
                            + (1 + ThreadLocalRandom.current().nextInt(orgs)) + "." + domain;
                    long t0 = System.nanoTime();
                    command(out, "MAIL FROM:<" + from + ">");
                    expect(in, "250");
                    command(out, "RCPT TO:<" + to + ">");
                    expect(in, "250");
                    command(out, "DATA");
                    expect(in, "354");
                    out.write(message(n, from).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String answer = in.readLine();
                    long took = System.nanoTime() - t0;
                    if (answer == null || !answer.startsWith("250")) {
                        refused.incrementAndGet();
                        lastError = answer;
                    } else if (t0 >= measureFrom && System.nanoTime() < end) {
                        samples.add(took);
                    }
                }
                command(out, "QUIT");
            } catch (IOException e) {
                lastError = e.toString();
                refused.incrementAndGet();
            }
        }
    }

    private String message(long n, String from) {
        String subject = "Load test " + n;
        if (!tids.isEmpty() && n % 4 == 0) {
            subject = "Re: [" + tids.get((int) (n / 4 % tids.size())) + "] " + subject;
        }
        String body = "Здравствуйте! Сайт после обновления показывает ошибку на странице оплаты, письмо " + n
                + ".\r\nПроверьте, пожалуйста, форму заказа и онлайн-запись.\r\n";
        return "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <load-" + n + "-" + System.nanoTime() + "@load.example>\r\n"
                + "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now())
                + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + body
                + ".\r\n";
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads an answer (all its lines) and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + line);
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
