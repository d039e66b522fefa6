package dev.tidesk.contract.ledger;

import dev.tidesk.contract.PlanCode;
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
 *
 * <p><b>The carry-over window.</b> "По договору сгорают, по факту переносятся": the running
 * balance is the de facto carry-over, every month's balance summed. Beside it, the balance within
 * the window: unused minutes left over in a month count for {@code window} months (that month
 * included) and are gone after, unless an overrun used them before, oldest first. An overrun that
 * no unused minutes cover stays owed (it was worked) until later unused minutes pay it. So with a
 * 3-month window, 300 minutes left over in January still cover a March overrun, but count no more in
 * April. The window of a month is the contract's own, else its plan's; none means every unused
 * minute counts, and the two balances are the same.
 */
public final class Ledger {

    /**
     * One month's inputs: the plan in force, included minutes (already pro rata), live used, frozen
     * figures, and the carry-over window in force in months (null: none).
     */
    public record MonthInput(
            YearMonth month,
            PlanCode planCode,
            int includedMinutes,
            int usedMinutes,
            Frozen frozen,
            Integer windowMonths) {

        public MonthInput(YearMonth month, PlanCode planCode, int includedMinutes, int usedMinutes, Frozen frozen) {
            this(month, planCode, includedMinutes, usedMinutes, frozen, null);
        }
    }

    /** Unused minutes left over in a month and not used up yet. */
    private static final class Lot {
        final YearMonth month;
        int minutes;

        Lot(YearMonth month, int minutes) {
            this.month = month;
            this.minutes = minutes;
        }
    }

    /** What the monthly close froze. */
    public record Frozen(int includedMinutes, int usedMinutes) {}

    private Ledger() {}

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
    public static List<LedgerMonth> compute(List<MonthInput> months) {
        List<LedgerMonth> out = new ArrayList<>(months.size());
        int running = 0;
        java.util.ArrayDeque<Lot> lots = new java.util.ArrayDeque<>();
        int owed = 0;
        for (MonthInput m : months) {
            int included = m.frozen() != null ? m.frozen().includedMinutes() : m.includedMinutes();
            int used = m.usedMinutes();
            int adjustment = m.frozen() != null ? used - m.frozen().usedMinutes() : 0;
            int balance = included - used;
            running += balance;
            // unused minutes older than the window are gone before this month's overrun may use them
            if (m.windowMonths() != null) {
                YearMonth expired = m.month().minusMonths(m.windowMonths());
                while (!lots.isEmpty() && !lots.peekFirst().month.isAfter(expired)) {
                    lots.removeFirst();
                }
            }
            if (balance >= 0) {
                int paid = Math.min(balance, owed);
                owed -= paid;
                if (balance > paid) {
                    lots.addLast(new Lot(m.month(), balance - paid));
                }
            } else {
                int need = -balance;
                while (need > 0 && !lots.isEmpty()) {
                    Lot oldest = lots.peekFirst();
                    int take = Math.min(need, oldest.minutes);
                    oldest.minutes -= take;
                    need -= take;
                    if (oldest.minutes == 0) {
                        lots.removeFirst();
                    }
                }
                owed += need;
            }
            int window = m.windowMonths() == null
                    ? running
                    : lots.stream().mapToInt(l -> l.minutes).sum() - owed;
            Integer percent = included == 0 ? null : (int) Math.round(100.0 * used / included);
            out.add(new LedgerMonth(
                    m.month(),
                    m.planCode(),
                    included,
                    used,
                    adjustment,
                    balance,
                    running,
                    percent,
                    m.frozen() != null,
                    window,
                    m.windowMonths()));
        }
        return out;
    }
}
