package dev.tidesk.contract;

import dev.tidesk.TestData;
import dev.tidesk.contract.alert.PlanAlerts;
import dev.tidesk.contract.alert.StoredAlertView;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.context.ApplicationContext;

/** Contracts and norm-hours for tests, made through the modules' own APIs. */
public class ContractFixtures {

    private final Contracts contracts;
    private final WorkLog workLog;
    private final MonthlyClose monthlyClose;
    private final PlanAlerts planAlerts;
    private final dev.tidesk.system.EventEffects effects;

    public ContractFixtures(ApplicationContext context) {
        this.contracts = context.getBean(Contracts.class);
        this.workLog = context.getBean(WorkLog.class);
        this.monthlyClose = context.getBean(MonthlyClose.class);
        this.planAlerts = context.getBean(PlanAlerts.class);
        this.effects = context.getBean(dev.tidesk.system.EventEffects.class);
    }

    /** A personal manager's client that overran its plan, and the overrun alert the close stored for the manager. */
    public record ManagedOverrun(
            TestData.Client client, StaffView manager, ContractView contract, StoredAlertView alert) {}

    /**
     * An Economy client (trial decided) with a personal manager, 14 h and 13 h used of its 10 h in
     * two of the last three months, and those three months closed: the close stored an overrun alert.
     */
    public ManagedOverrun managedOverrun(TestData data) {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        StaffView manager = data.member(Role.MANAGER);
        TicketView t = request(data, client, "Постоянные доработки", 3);
        ContractView c = sign(client, PlanCode.ECONOMY, 3);
        contracts.changeManager(c.id(), manager.id(), "head");
        contracts.decideTrial(c.id(), TrialDecision.STAY, "head");
        log(t, agent, 2, 14);
        log(t, agent, 1, 13);
        closeLastThreeMonths();
        StoredAlertView alert = planAlerts.open(manager.id()).stream()
                .filter(a -> a.contractId() == c.id())
                .findFirst()
                .orElseThrow();
        return new ManagedOverrun(client, manager, c, alert);
    }

    /** Runs the monthly close for each of the last three months, oldest first. */
    public void closeLastThreeMonths() {
        YearMonth now = YearMonth.from(workLog.today());
        for (int m = 3; m >= 1; m--) {
            monthlyClose.close(now.minusMonths(m));
        }
        effects.awaitSettled(java.time.Duration.ofSeconds(20));
    }

    /** A contract that started on the 1st, {@code monthsAgo} months before this month. */
    public ContractView sign(TestData.Client client, PlanCode plan, int monthsAgo) {
        LocalDate start = YearMonth.from(workLog.today()).minusMonths(monthsAgo).atDay(1);
        return contracts.sign(
                client.organization().id(), "Д-" + client.organization().id(), start, plan, null, false, null, "test");
    }

    /**
     * A request received on the 1st, {@code monthsAgo} months before this month: norm-hours can be
     * logged on it from then on.
     */
    public TicketView request(TestData data, TestData.Client client, String subject, int monthsAgo) {
        return data.requestReceived(
                client,
                subject,
                "текст",
                YearMonth.from(workLog.today()).minusMonths(monthsAgo).atDay(1));
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
