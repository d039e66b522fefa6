package dev.tidesk.contract;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.time.YearMonth;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** The client's contract page and statements show their own organization only. */
class PortalContractWebTests extends WebTest {

    ContractFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ContractFixtures(context);
    }

    @Test
    void aContactSeesTheirPlanThisMonthsHoursAndAStatementOfTheirOwnRequests() throws Exception {
        TestData.Client client = data.client();
        TestData.Client other = data.client();
        StaffView agent = data.agent();
        fixtures.sign(client, PlanCode.STANDARD, 2);
        fixtures.sign(other, PlanCode.PREMIUM, 2);
        TicketView mine = fixtures.request(data, client, "Обновить баннер", 2);
        TicketView theirs = fixtures.request(data, other, "Секретный проект конкурента", 2);
        fixtures.log(mine, agent, 1, 12);
        fixtures.log(mine, agent, 0, 5);
        fixtures.log(theirs, agent, 1, 30);
        MockHttpSession portal = portalLogin(client.login());

        mvc.perform(get("/portal/contract").session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Стандарт")))
                .andExpect(content().string(Matchers.containsString("использовано 5 из 20 ч")))
                .andExpect(content().string(Matchers.containsString("usage-chart")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Премиум"))));

        String lastMonth = YearMonth.from(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")))
                .minusMonths(1)
                .toString();
        mvc.perform(get("/portal/contract/statements/" + lastMonth).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(mine.tid())))
                .andExpect(content().string(Matchers.containsString("id=\"statement-total\">12<")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(theirs.tid()))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("конкурента"))));
    }

    @Test
    void statementsOutsideTheContractAndOfClientsWithoutOneAreNotFound() throws Exception {
        TestData.Client client = data.client();
        TestData.Client oneOff = data.client();
        fixtures.sign(client, PlanCode.ECONOMY, 1);
        String before = YearMonth.from(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")))
                .minusMonths(3)
                .toString();
        mvc.perform(get("/portal/contract/statements/" + before).session(portalLogin(client.login())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/contract/statements/garbage").session(portalLogin(client.login())))
                .andExpect(status().isNotFound());

        MockHttpSession portal = portalLogin(oneOff.login());
        mvc.perform(get("/portal/contract").session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"no-contract\"")));
        mvc.perform(get("/portal/contract/statements/" + before).session(portal))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffCannotUseThePortalContractPage() throws Exception {
        mvc.perform(get("/portal/contract").session(deskLogin(data.agent().email())))
                .andExpect(status().is4xxClientError());
    }
}
