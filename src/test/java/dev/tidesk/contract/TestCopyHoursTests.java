package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.contract.ledger.Statement;
import dev.tidesk.identity.Role;
import dev.tidesk.report.Grain;
import dev.tidesk.report.ReportFilter;
import dev.tidesk.report.Reports;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * "Все работы сначала на тестовой копии" costs more: the test-copy synchronisation hours are shown
 * apart from the rest in the statement (page, PDF, staff view) and the utilisation report.
 * Hand-computed: Standard, 20 h a month, from two months ago; last month request A had 3 h of work
 * and 1.5 h of synchronisation, request B 0.5 h of synchronisation and 2 h of deploying:
 * 7 h in all, 2 h of them synchronisation, 5 h other work; A 4.5 h (1.5), B 2.5 h (0.5);
 * used 35 %, balance 13 h, running 20 + 13 = 33 h.
 */
class TestCopyHoursTests extends WebTest {

    @Autowired
    WorkLog workLog;

    @Autowired
    Contracts contracts;

    @Autowired
    Reports reports;

    @Test
    void theSynchronisationHoursAreShownApartEverywhereTheDirectorLooks() throws Exception {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        ContractFixtures fixtures = new ContractFixtures(context);
        TicketView a = fixtures.request(data, client, "Обновить каталог", 1);
        TicketView b = fixtures.request(data, client, "Выложить доработку", 1);
        ContractView c = fixtures.sign(client, PlanCode.STANDARD, 2);
        contracts.changeConditions(c.id(), true, null, "head");
        YearMonth last = YearMonth.from(workLog.today()).minusMonths(1);
        log(a, agent, last, 3, 180, WorkKind.WORK);
        log(a, agent, last, 4, 90, WorkKind.TEST_COPY_SYNC);
        log(b, agent, last, 5, 30, WorkKind.TEST_COPY_SYNC);
        log(b, agent, last, 6, 120, WorkKind.DEPLOY);
        // this month's synchronisation is not last month's
        log(b, agent, YearMonth.from(workLog.today()), workLog.today().getDayOfMonth(), 60, WorkKind.TEST_COPY_SYNC);

        Statement statement =
                context.getBean(Ledgers.class).statement(client.organization().id(), last);
        assertThat(statement.totalMinutes()).isEqualTo(420);
        assertThat(statement.syncMinutes()).isEqualTo(120);
        assertThat(statement.otherMinutes()).isEqualTo(300);
        assertThat(statement.lines())
                .extracting(l -> l.tid() + " " + l.minutes() + " " + l.syncMinutes())
                .containsExactly(a.tid() + " 270 90", b.tid() + " 150 30");

        MockHttpSession portal = portalLogin(client.login());
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        for (var page : new Object[][] {
            {"/portal/contract/statements/" + last, portal},
            {"/desk/clients/" + client.organization().id() + "/statements/" + last, head}
        }) {
            mvc.perform(get((String) page[0]).session((MockHttpSession) page[1]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"statement-total\"[^>]*>7<.*")))
                    .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"statement-sync-total\"[^>]*>2<.*")))
                    .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"statement-sync\"[^>]*>2<.*")))
                    .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"statement-other\"[^>]*>5<.*")))
                    .andExpect(content().string(Matchers.containsString(">4,5<")))
                    .andExpect(content().string(Matchers.containsString(">1,5<")))
                    .andExpect(content().string(Matchers.containsString(">0,5<")));
        }

        byte[] pdf = mvc.perform(
                        get("/portal/contract/statements/" + last + "/pdf").session(portal))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Синхр. тестовой копии")
                    .containsPattern("Из них синхронизация тестовой копии\\s+2\\s")
                    .containsPattern("Остальные работы\\s+5\\s")
                    .containsPattern(a.tid() + ".*4,5\\s+1,5")
                    .containsPattern("Итого\\s+7\\s+2\\s");
        }

        ReportFilter month = new ReportFilter(
                last.atDay(1),
                last.atEndOfMonth(),
                Grain.MONTH,
                client.organization().id(),
                null);
        // month, plan, included, used, of it sync, other work, balance, running, used %
        assertThat(reports.utilisation(month).rows())
                .containsExactly(Arrays.asList(last.atDay(1), "STANDARD", 20.0, 7.0, 2.0, 5.0, 13.0, 33.0, 35.0));
        ReportFilter all = new ReportFilter(last.atDay(1), last.atEndOfMonth(), Grain.MONTH, null, null);
        assertThat(reports.utilisation(all).row(client.organization().name()))
                .containsExactly(client.organization().name(), "STANDARD", 20.0, 7.0, 2.0, 5.0, 13.0, 33.0, 35.0);
        mvc.perform(get("/desk/reports/utilisation")
                        .param("org", "" + client.organization().id())
                        .param("from", last.atDay(1).toString())
                        .param("to", last.atEndOfMonth().toString())
                        .session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Из них синхронизация тестовой копии, ч")));
    }

    private void log(TicketView t, StaffView staff, YearMonth month, int day, int minutes, WorkKind kind) {
        workLog.log(t.id(), null, staff.id(), staff.fullName(), month.atDay(day), minutes, kind, null);
    }
}
