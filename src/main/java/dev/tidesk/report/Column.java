package dev.tidesk.report;

/**
 * A column of a report table.
 *
 * @param key    the message key of its header ({@code report.col.<key>})
 * @param kind   how its cells are shown
 * @param prefix for {@link Kind#CODE}: the message key prefix of the code ({@code status.}, {@code channel.})
 */
public record Column(String key, Kind kind, String prefix) {

    public enum Kind {
        /** a week or month: a {@link java.time.LocalDate}, its first day */
        PERIOD,
        TEXT,
        CODE,
        COUNT,
        MINUTES,
        PERCENT,
        /** norm-hours: a {@link Double} */
        HOURS
    }

    public static Column period() {
        return new Column("period", Kind.PERIOD, null);
    }

    public static Column text(String key) {
        return new Column(key, Kind.TEXT, null);
    }

    public static Column code(String key, String prefix) {
        return new Column(key, Kind.CODE, prefix);
    }

    public static Column count(String key) {
        return new Column(key, Kind.COUNT, null);
    }

    public static Column minutes(String key) {
        return new Column(key, Kind.MINUTES, null);
    }

    public static Column hours(String key) {
        return new Column(key, Kind.HOURS, null);
    }

    public static Column percent(String key) {
        return new Column(key, Kind.PERCENT, null);
    }

    public boolean numeric() {
        return kind == Kind.COUNT || kind == Kind.MINUTES || kind == Kind.PERCENT || kind == Kind.HOURS;
    }
}
