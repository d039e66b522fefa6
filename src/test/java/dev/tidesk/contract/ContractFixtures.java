package dev.tidesk.contract;

import java.time.LocalDate;
import java.time.YearMonth;

import dev.tidesk.TestData;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;

import org.springframework.context.ApplicationContext;

/** Contracts and norm-hours for tests, made through the modules' own APIs. */
public class ContractFixtures {

    private final Contracts contracts;
    private final WorkLog workLog;

    public ContractFixtures(ApplicationContext context) {
        this.contracts = context.getBean(Contracts.class);
        this.workLog = context.getBean(WorkLog.class);
    }

    /** A contract that started on the 1st, {@code monthsAgo} months before this month. */
    public ContractView sign(TestData.Client client, PlanCode plan, int monthsAgo) {
        LocalDate start = YearMonth.from(workLog.today()).minusMonths(monthsAgo).atDay(1);
        return contracts.sign(client.organization().id(), "Д-" + client.organization().id(), start, plan, null, false,
                null, "test");
    }

    /** Logs {@code hours} on the 10th of the month {@code monthsAgo} months back (or today in this month). */
    public void log(TicketView ticket, StaffView staff, int monthsAgo, int hours) {
        YearMonth m = YearMonth.from(workLog.today()).minusMonths(monthsAgo);
        LocalDate day = monthsAgo == 0 ? workLog.today() : m.atDay(10);
        int left = hours * 60;
        while (left > 0) {
            int chunk = Math.min(left, 8 * 60);
            workLog.log(ticket.id(), null, staff.id(), staff.fullName(), day, chunk, WorkKind.WORK, null);
            left -= chunk;
            day = monthsAgo == 0 || day.getDayOfMonth() >= m.lengthOfMonth() ? day : day.plusDays(1);
        }
    }
}
