package dev.tidesk.contract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger maths, free of storage so it can be tested with hand-computed tables.
 *
 * <p><b>Partial months.</b> A contract that starts (or ends) within a month gets the included
 * minutes of that month pro rata by calendar days covered: {@code round(plan × days / daysInMonth)}.
 * A contract signed on 16 April on 10 h gets 15/30 × 600 = 300 minutes for April. Why: the first
 * invoice is pro rata in practice, and granting a whole month's hours for two weeks would give the
 * client a running balance nobody paid for, which later hides a real overrun. Work logged on days
 * before the start date belongs to no contract month and is not in the ledger.
 *
 * <p><b>Closed months.</b> A closed month keeps the included minutes frozen at its close (a plan
 * edit later does not rewrite history). Its used minutes are the live sum, so an entry logged into
 * it after the close is counted, and shown separately as an adjustment (live minus used at close).
 */
final class Ledger {

    /** One month's inputs: the plan in force, included minutes (already pro rata), live used, frozen figures. */
    record MonthInput(YearMonth month, PlanCode planCode, int includedMinutes, int usedMinutes,
            Frozen frozen) {
    }

    /** What the monthly close froze. */
    record Frozen(int includedMinutes, int usedMinutes) {
    }

    private Ledger() {
    }

    /** Included minutes of {@code month} for a contract running from {@code start} to {@code end} (null: open). */
    static int included(YearMonth month, LocalDate start, LocalDate end, int planMinutes) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate from = start.isAfter(first) ? start : first;
        LocalDate to = end != null && end.isBefore(last) ? end : last;
        if (to.isBefore(from)) {
            return 0;
        }
        int days = to.getDayOfMonth() - from.getDayOfMonth() + 1;
        if (days == month.lengthOfMonth()) {
            return planMinutes;
        }
        return (int) Math.round((double) planMinutes * days / month.lengthOfMonth());
    }

    /** The ledger lines from the inputs, oldest month first, with the running balance. */
    static List<LedgerMonth> compute(List<MonthInput> months) {
        List<LedgerMonth> out = new ArrayList<>(months.size());
        int running = 0;
        for (MonthInput m : months) {
            int included = m.frozen() != null ? m.frozen().includedMinutes() : m.includedMinutes();
            int used = m.usedMinutes();
            int adjustment = m.frozen() != null ? used - m.frozen().usedMinutes() : 0;
            int balance = included - used;
            running += balance;
            Integer percent = included == 0 ? null : (int) Math.round(100.0 * used / included);
            out.add(new LedgerMonth(m.month(), m.planCode(), included, used, adjustment, balance, running, percent,
                    m.frozen() != null));
        }
        return out;
    }
}
