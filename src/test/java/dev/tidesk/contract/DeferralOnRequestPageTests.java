package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.deferral.DeferralHistory;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The proposal to do a request next month on the portal's request page: answered there by the
 * signed-in contact, shown as "deferred until" afterwards, hidden from other organizations; and
 * the deferral steps read as sentences in the portal timeline and the desk history.
 */
class DeferralOnRequestPageTests extends WebTest {

    static final Locale RU = Locale.forLanguageTag("ru");

    @Autowired
    Deferrals deferrals;

    @Autowired
    DeferralHistory history;

    @Autowired
    RequestQueries requests;

    @Autowired
    WorkLog workLog;

    TestData.Client client;
    MockHttpSession desk;
    YearMonth next;

    @BeforeEach
    void aClientWhoseHoursAreUsedUp() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        client = data.client();
        StaffView agent = data.agent();
        fixtures.sign(client, PlanCode.ECONOMY, 0);
        fixtures.log(data.request(client, "Большая доработка", "текст"), agent, 0, 10);
        desk = deskLogin(agent.email());
        next = YearMonth.from(workLog.today()).plusMonths(1);
    }

    TicketView proposed(String subject) throws Exception {
        TicketView t = data.request(client, subject, "текст");
        mvc.perform(post("/desk/requests/" + t.tid() + "/deferral")
                        .session(desk)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(deferrals.ofTicket(t.id())).hasSize(1);
        return t;
    }

    @Test
    void theContactAcceptsOnTheRequestPageAndSeesDeferredUntilTheFirst() throws Exception {
        TicketView t = proposed("Поменять шрифт в подвале");
        long id = deferrals.ofTicket(t.id()).get(0).id();
        String month = next.atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", RU));
        MockHttpSession portal = portalLogin(client.login());

        mvc.perform(get("/portal/requests/" + t.tid()).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"request-deferral-accept\"")))
                .andExpect(content().string(Matchers.containsString("id=\"request-deferral-decline\"")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Предлагаем выполнить это обращение в следующем месяце: " + month)))
                .andExpect(content().string(Matchers.containsString("Так мы выравниваем нагрузку")))
                .andExpect(content().string(Matchers.containsString("Предложено перенести на " + month)));

        // another organization's contact sees neither the request nor can answer for it
        MockHttpSession stranger = portalLogin(data.client().login());
        mvc.perform(get("/portal/requests/" + t.tid()).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(post("/portal/deferrals/id/" + id)
                        .session(stranger)
                        .with(csrf())
                        .param("answer", "accept"))
                .andExpect(status().isNotFound());
        // no CSRF token, no change
        mvc.perform(post("/portal/deferrals/id/" + id).session(portal).param("answer", "accept"))
                .andExpect(status().isForbidden());
        assertThat(requests.ticket(t.id()).status()).isNotEqualTo(Status.DEFERRED);

        mvc.perform(post("/portal/deferrals/id/" + id)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "accept"))
                .andExpect(redirectedUrl("/portal/requests/" + t.tid()));
        assertThat(requests.ticket(t.id()).status()).isEqualTo(Status.DEFERRED);

        String until = next.atDay(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", RU));
        mvc.perform(get("/portal/requests/" + t.tid()).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Обращение отложено до " + until)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("request-deferral-accept"))))
                .andExpect(content().string(Matchers.containsString("Клиент согласился перенести на " + month)));

        mvc.perform(get("/desk/requests/" + t.tid()).session(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Предложено перенести на " + month)))
                .andExpect(content().string(Matchers.containsString("Клиент согласился перенести на " + month)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">PROPOSED"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">ACCEPTED"))));

        deferrals.returnDue(next.atDay(1));
        mvc.perform(get("/portal/requests/" + t.tid()).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("request-deferred-until"))))
                .andExpect(content().string(Matchers.containsString("Обращение вернулось в очередь после переноса")));
    }

    @Test
    void aDeclineOnTheRequestPageKeepsTheRequestAndHidesTheProposal() throws Exception {
        TicketView t = proposed("Нужно сейчас");
        long id = deferrals.ofTicket(t.id()).get(0).id();
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/portal/deferrals/id/" + id)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "decline"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.ticket(t.id()).status()).isNotEqualTo(Status.DEFERRED);
        mvc.perform(get("/portal/requests/" + t.tid()).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"request-deferral"))))
                .andExpect(content().string(Matchers.containsString("Клиент отказался от переноса")));
    }

    @Test
    void historyValuesReadAsSentencesInBothLanguages() {
        Locale en = Locale.ENGLISH;
        assertThat(history.describe("PROPOSED 2026-12", en)).isEqualTo("Proposed to move to December 2026");
        assertThat(history.describe("PROPOSED 2026-12", RU)).isEqualTo("Предложено перенести на декабрь 2026");
        assertThat(history.describe("ACCEPTED 2026-12", en)).isEqualTo("Client accepted the move to December 2026");
        assertThat(history.describe("PROPOSED", RU))
                .as("entries written before the month was kept")
                .isEqualTo("Предложено перенести на следующий месяц");
        assertThat(history.describe("DECLINED", en)).isEqualTo("Client declined the move to next month");
        assertThat(history.describe("RETURNED", RU)).isEqualTo("Обращение вернулось в очередь после переноса");
        assertThat(history.describe("SOMETHING", en)).isEqualTo("SOMETHING");
    }
}
