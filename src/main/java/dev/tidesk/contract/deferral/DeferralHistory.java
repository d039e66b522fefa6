package dev.tidesk.contract.deferral;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The deferral steps in a request's history, as people read them. A step is stored as the status
 * and, for a proposal and its acceptance, the target month ({@code "PROPOSED 2026-12"}); entries
 * written before the month was kept ({@code "PROPOSED"}) read without it. Templates call
 * {@code ${@deferralHistory.describe(h.toValue())}}.
 */
@Component
@NamedInterface("deferral")
public class DeferralHistory {

    private final MessageSource messages;

    DeferralHistory(MessageSource messages) {
        this.messages = messages;
    }

    static String value(DeferralStatus status, YearMonth month) {
        return status.name() + " " + month;
    }

    /** The words for each deferral value of a request's history, by value, in the reader's language. */
    public java.util.Map<String, String> labels(java.util.Collection<String> values) {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (String value : values) {
            if (value != null) {
                labels.computeIfAbsent(value, this::describe);
            }
        }
        return labels;
    }

    public String describe(String value) {
        return describe(value, LocaleContextHolder.getLocale());
    }

    public String describe(String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String[] parts = value.strip().split("\\s+", 2);
        DeferralStatus status;
        try {
            status = DeferralStatus.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            return value;
        }
        YearMonth month = null;
        if (parts.length == 2) {
            try {
                month = YearMonth.parse(parts[1]);
            } catch (DateTimeParseException e) {
                month = null;
            }
        }
        String key = "history.deferral." + status.name();
        if (month == null) {
            return messages.getMessage(key + ".plain", null, locale);
        }
        String text = month.atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
        return messages.getMessage(key, new Object[] {text}, locale);
    }
}
