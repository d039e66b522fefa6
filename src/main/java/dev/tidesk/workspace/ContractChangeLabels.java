package dev.tidesk.workspace;

import dev.tidesk.contract.PlanCode;
import dev.tidesk.team.StaffDirectory;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A contract's change history in words: the contract keeps codes ("plan", "ECONOMY 2026-05",
 * "STAY", a staff id), the page shows "Тариф: Эконом → Стандарт с 2026-05".
 */
@Component
class ContractChangeLabels {

    private final MessageSource messages;
    private final StaffDirectory staff;

    ContractChangeLabels(MessageSource messages, StaffDirectory staff) {
        this.messages = messages;
        this.staff = staff;
    }

    public String field(String field) {
        return message("contract.change." + field, field);
    }

    public String value(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (field) {
            case "manager" -> staffName(value);
            case "testCopyOnly" -> message("contract.change.flag." + value, value);
            case "trial" -> message("contract.trial." + value, value);
            default -> Arrays.stream(value.split(" ")).map(this::token).collect(Collectors.joining(" "));
        };
    }

    private String token(String token) {
        if (Arrays.stream(PlanCode.values()).anyMatch(p -> p.name().equals(token))) {
            return message("contract.plan." + token, token);
        }
        if (token.matches("\\d{4}-\\d{2}")) {
            // "с мая 2026": the month in words, in its form after "с"
            Locale locale = LocaleContextHolder.getLocale();
            return message(
                    "contract.change.from",
                    token,
                    java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", locale)
                            .format(java.time.YearMonth.parse(token)));
        }
        return token;
    }

    private String staffName(String id) {
        try {
            return staff.member(Long.parseLong(id)).fullName();
        } catch (RuntimeException e) {
            return "#" + id;
        }
    }

    private String message(String code, String fallback, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, fallback, locale);
    }
}
