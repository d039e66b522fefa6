package dev.tidesk.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes),
 * collected in memory and handed over as UTF-8 bytes.
 */
final class CopyBuffer {

    private final StringBuilder text = new StringBuilder(1 << 20);
    private boolean rowStarted;
    private long rows;

    CopyBuffer add(String value) {
        sep();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyBuffer add(long value) {
        sep();
        text.append(value);
        return this;
    }

    CopyBuffer add(Long value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    CopyBuffer add(Instant value) {
        return value == null ? add((String) null) : add(value.toString());
    }

    CopyBuffer add(boolean value) {
        sep();
        text.append(value ? 't' : 'f');
        return this;
    }

    void end() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    long rows() {
        return rows;
    }

    int length() {
        return text.length();
    }

    byte[] drain() {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        return bytes;
    }

    private void sep() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
