package dev.tidesk.contract.ledger;

import dev.tidesk.contract.TermsPeriodView;
import dev.tidesk.shared.Requisites;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * The monthly акт (акт выполненных работ / отчёт об оказанных услугах) of a closed month: its
 * number within {@code year} and its date (the last day of the month), the agency (Исполнитель)
 * and the client (Заказчик) with their requisites, the plan in force that month and the month's
 * statement with its norm-hours.
 */
@NamedInterface("ledger")
public record Act(
        int number,
        int year,
        LocalDate date,
        Requisites agency,
        String clientName,
        Requisites client,
        TermsPeriodView terms,
        Statement statement) {

    /** The first day the акт covers: the 1st, or the contract's start in its first month. */
    public LocalDate periodStart() {
        LocalDate first = statement.month().atDay(1);
        LocalDate start = statement.contract().startDate();
        return start.isAfter(first) ? start : first;
    }

    /** The last day the акт covers: the month's last, or the contract's end in its last month. */
    public LocalDate periodEnd() {
        LocalDate last = statement.month().atEndOfMonth();
        LocalDate end = statement.contract().endDate();
        return end != null && end.isBefore(last) ? end : last;
    }

    /** The number as printed: the year's sequence number. */
    public String label() {
        return String.valueOf(number);
    }
}
