package dev.tidesk.workspace;

import dev.tidesk.report.Column;
import dev.tidesk.report.Grain;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Report headers and cells in the reader's language, for pages and exports alike. */
@Component
class ReportLabels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

    private final MessageSource messages;

    ReportLabels(MessageSource messages) {
        this.messages = messages;
    }

    String header(Column column) {
        // a column's own header (report.col.kind.WORK for the key kind.WORK), else a full key of its own
        String own = messages.getMessage("report.col." + column.key(), null, null, locale());
        return own != null ? own : message(column.key());
    }

    String text(Column column, Object value, Grain grain) {
        if (value == null) {
            return "";
        }
        return switch (column.kind()) {
            case PERIOD ->
                value instanceof LocalDate d
                        ? (grain == Grain.MONTH ? MONTH.format(d) : DAY.format(d))
                        : value.toString();
            case CODE -> message(column.prefix() + value);
            case MINUTES, PERCENT, HOURS ->
                value instanceof Number n ? String.format(locale(), "%.1f", n.doubleValue()) : value.toString();
            case COUNT -> value instanceof Number n ? String.format(locale(), "%,d", n.longValue()) : value.toString();
            case TEXT -> value.toString();
        };
    }

    String message(String code, Object... args) {
        return messages.getMessage(code, args, code, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
