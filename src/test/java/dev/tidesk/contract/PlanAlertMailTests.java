package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.contract.alert.PlanAlert;
import dev.tidesk.contract.alert.PlanAlerts;
import dev.tidesk.contract.alert.StoredAlertView;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import jakarta.mail.internet.MimeMessage;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly close keeps an overrun alert and a trial review alert once, however often it runs,
 * and mails each to the heads and the client's personal manager once; other managers get nothing.
 */
class PlanAlertMailTests extends MailTest {

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    PlanAlerts planAlerts;

    @Autowired
    Contracts contracts;

    @Autowired
    OutboxSender sender;

    @Autowired
    WorkLog workLog;

    @Test
    void theCloseStoresEachAlertOnceAndMailsTheHeadAndTheManagerOnce() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        StaffView manager = data.member(Role.MANAGER);
        StaffView otherManager = data.member(Role.MANAGER);
        StaffView head = data.member(Role.HEAD);
        TicketView t = fixtures.request(data, client, "Много работы", 4);
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 4);
        contracts.changeManager(c.id(), manager.id(), "head");
        fixtures.log(t, agent, 3, 15);
        fixtures.log(t, agent, 2, 16);
        fixtures.log(t, agent, 1, 5);
        YearMonth now = YearMonth.from(workLog.today());

        for (int round = 0; round < 2; round++) {
            for (int m = 4; m >= 1; m--) {
                monthlyClose.close(now.minusMonths(m));
            }
        }
        data.settle();

        List<StoredAlertView> mine = planAlerts.open(manager.id());
        assertThat(mine)
                .extracting(StoredAlertView::kind)
                .containsExactlyInAnyOrder(PlanAlert.Kind.OVERRUN, PlanAlert.Kind.TRIAL);
        StoredAlertView overrun = mine.stream()
                .filter(a -> a.kind() == PlanAlert.Kind.OVERRUN)
                .findFirst()
                .orElseThrow();
        assertThat(overrun.month())
                .as("the first close whose window shows 2 months over 120%")
                .isEqualTo(now.minusMonths(2));
        assertThat(overrun.recommendation()).isEqualTo(PlanCode.STANDARD);
        assertThat(planAlerts.open(otherManager.id())).noneMatch(a -> a.contractId() == c.id());

        sender.sendDue(1000);
        sender.sendDue(1000);
        String org = client.organization().name();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(subjects(sentTo(received, manager.email())))
                .containsExactlyInAnyOrder(
                        "Регулярное превышение тарифа: " + org,
                        "Пора пересмотреть тариф после пробного периода: " + org);
        assertThat(subjects(sentTo(received, head.email())).stream()
                        .filter(s -> s.endsWith(": " + org))
                        .toList())
                .hasSize(2);
        assertThat(subjects(sentTo(received, otherManager.email()))).isEmpty();
        MimeMessage one = sentTo(received, manager.email()).stream().findFirst().orElseThrow();
        assertThat(StatementMailTests.plainText(one))
                .contains("/desk/clients/" + client.organization().id())
                .contains("Стандарт");
    }
}
