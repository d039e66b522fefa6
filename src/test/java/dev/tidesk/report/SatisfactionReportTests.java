package dev.tidesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The clients' ratings per agent, per client and per plan in the reports, and the good share on the dashboard. */
class SatisfactionReportTests extends WebTest {

    @Autowired
    RequestDesk desk;

    @Autowired
    Satisfaction satisfaction;

    @Autowired
    Reports reports;

    @Test
    void ratingsAreCountedPerAgentClientAndPlanWithTheShareOfGoodOnes() throws Exception {
        StaffView agent = data.agent();
        Client standard = data.client();
        new ContractFixtures(context).sign(standard, PlanCode.STANDARD, 2);
        Client oneOff = data.client();
        rated(standard, agent, true);
        rated(standard, agent, false);
        rated(oneOff, agent, true);
        resolvedNotRated(standard, agent);

        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        LocalDate today = reports.today();
        String period = "?from=" + today + "&to=" + today + "&grain=MONTH&format=csv";

        assertThat(csv(head, "satisfactionByAgent", period + "&person=" + agent.id()))
                .containsExactly("Сотрудник;Оценок;Вопрос решён;Не решён;Решён, %", agent.fullName() + ";3;2;1;66,7");
        assertThat(csv(
                        head,
                        "satisfactionByClient",
                        period + "&org=" + standard.organization().id()))
                .containsExactly(
                        "Клиент;Оценок;Вопрос решён;Не решён;Решён, %",
                        standard.organization().name() + ";2;1;1;50");
        assertThat(csv(
                        head,
                        "satisfactionByPlan",
                        period + "&org=" + oneOff.organization().id()))
                .containsExactly("Тариф;Оценок;Вопрос решён;Не решён;Решён, %", "Разовый клиент;1;1;0;100");

        mvc.perform(get("/desk/reports/satisfactionByPlan").session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Оценки клиентов по тарифам")));

        // the dashboard: per agent over four weeks, and the share of good ratings as a tile
        Dashboard d = reports.dashboard(Instant.now(context.getBean(java.time.Clock.class)));
        assertThat(d.satisfaction().rows())
                .anySatisfy(r -> assertThat(r.subList(0, 4)).containsExactly(agent.fullName(), 3L, 2L, 1L));
        mvc.perform(get("/desk/dashboard").session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"tile-satisfaction\"")))
                .andExpect(content().string(containsString("Вопрос решён: оценки клиентов")));
    }

    private TicketView resolvedNotRated(Client client, StaffView agent) {
        TicketView t = data.request(client, "Заменить логотип", "Новый логотип во вложении");
        Actor staff = Actor.staff(agent.id(), agent.fullName());
        desk.assign(t.id(), agent.id(), agent.fullName(), staff);
        desk.changeStatus(t.id(), Status.RESOLVED, staff);
        return t;
    }

    private void rated(Client client, StaffView agent, boolean good) {
        TicketView t = resolvedNotRated(client, agent);
        satisfaction.rate(
                t.id(),
                good,
                null,
                Actor.contact(client.contact().id(), client.contact().fullName()));
    }

    private String[] csv(MockHttpSession session, String kind, String query) throws Exception {
        byte[] body = mvc.perform(
                        get("/desk/reports/" + kind + "/export" + query).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text =
                new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return Arrays.stream(text.split("\r\n")).toArray(String[]::new);
    }
}
