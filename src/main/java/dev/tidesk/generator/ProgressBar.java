package dev.tidesk.generator;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line console progress bar: {@code [#####-----]  50%  500,000/1,000,000 requests  8,000/s  ETA 1m02s}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrinted;

    ProgressBar(PrintStream out, String unit, long total) {
        this.out = out;
        this.unit = unit;
        this.total = Math.max(total, 1);
    }

    void update(long done, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPrinted < 500_000_000L) {
            return;
        }
        lastPrinted = now;
        double seconds = Math.max((now - started) / 1e9, 0.001);
        double rate = done / seconds;
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        long eta = rate > 0 ? (long) ((total - done) / rate) : 0;
        out.printf(
                "\r[%s%s] %3d%%  %,d/%,d %s  %,.0f/s  %s %s   ",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                100 * done / total,
                done,
                total,
                unit,
                rate,
                done >= total ? "in" : "ETA",
                format(Duration.ofSeconds(done >= total ? (long) seconds : eta)));
        out.flush();
    }

    void finish(long done) {
        update(done, true);
        out.println();
    }

    static String format(Duration d) {
        return d.toMinutes() > 0
                ? d.toMinutes() + "m" + String.format("%02ds", d.toSecondsPart())
                : d.toSeconds() + "s";
    }
}
