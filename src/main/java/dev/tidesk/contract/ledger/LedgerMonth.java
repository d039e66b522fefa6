package dev.tidesk.contract.ledger;

import dev.tidesk.contract.PlanCode;
import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/**
 * One month of a contract's ledger, in minutes.
 *
 * @param planCode           the plan in force that month
 * @param includedMinutes    included by the plan (pro rata in a first or last partial month)
 * @param usedMinutes        logged for days of that month, including late entries
 * @param adjustmentMinutes  for a closed month: what was logged into it after the close (used minus used at close)
 * @param balanceMinutes     included minus used: positive when hours were left over
 * @param runningMinutes     the balance summed since the contract started: earlier unused hours cover a month over plan
 * @param utilisationPercent used as a percentage of included, rounded; null when nothing was included
 * @param closed             frozen by the monthly close
 * @param windowMinutes      the balance within the carry-over window: unused minutes of the last
 *                           {@code windowMonths} months not used up, less overruns not covered (see {@link Ledger});
 *                           the running balance when there is no window
 * @param windowMonths       the carry-over window in force that month, null: none
 */
@NamedInterface("ledger")
public record LedgerMonth(
        YearMonth month,
        PlanCode planCode,
        int includedMinutes,
        int usedMinutes,
        int adjustmentMinutes,
        int balanceMinutes,
        int runningMinutes,
        Integer utilisationPercent,
        boolean closed,
        int windowMinutes,
        Integer windowMonths) {

    public boolean over() {
        return balanceMinutes < 0;
    }
}
