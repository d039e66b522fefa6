package dev.tidesk.api;

import dev.tidesk.audit.AuditAction;
import dev.tidesk.audit.AuditLog;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/months/close} with {@code {"upTo": "2026-10"}}: closes every open month up to
 * and including the one given, in order, through the monthly close itself, as the admins' "close
 * past months" does. Admin tokens only (see the API security chain). Idempotent: a month closed
 * before is left alone, so a second call answers {@code closed: 0}. Audited as MONTHS_CLOSED.
 */
@RestController
class MonthCloseApi {

    private final MonthlyClose monthlyClose;
    private final AuditLog audit;

    MonthCloseApi(MonthlyClose monthlyClose, AuditLog audit) {
        this.monthlyClose = monthlyClose;
        this.audit = audit;
    }

    record CloseBody(@NotBlank String upTo) {}

    /** What the call closed: contract months closed now (0 when all were closed before). */
    record CloseResult(String upTo, int closed, String lastClosable) {}

    @PostMapping("/api/v1/months/close")
    CloseResult close(@Valid @RequestBody CloseBody body) {
        YearMonth last = month(body.upTo());
        int closed = monthlyClose.closeUpTo(last);
        audit.record(AuditAction.MONTHS_CLOSED, "up to " + last, closed + " contract months closed (API)");
        return new CloseResult(
                last.toString(), closed, monthlyClose.lastClosable().toString());
    }

    /** {@code YYYY-MM}, or a 400 that says so. */
    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadMonth(text);
        }
    }

    /** Answered 400 by {@link ApiErrors}. */
    static final class BadMonth extends DomainException {
        BadMonth(String text) {
            super("contract.close.error.month", "Not a month (YYYY-MM): " + text);
        }
    }
}
