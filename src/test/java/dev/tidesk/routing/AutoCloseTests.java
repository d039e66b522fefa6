package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * A resolved request nobody answers closes by itself after five working days of the calendar, as the
 * scheduler runs the job; a client's reply reopens it and it stays open.
 */
class AutoCloseTests extends WebTest {

    @Autowired
    AutoClose autoClose;

    @Autowired
    TestClock clock;

    @Autowired
    Installation installation;

    @Autowired
    RequestQueries requests;

    @Test
    void aResolvedRequestClosesAfterFiveWorkingDaysWithAHistoryEntry() throws Exception {
        // Monday 7 December 2026
        clock.moveTo(LocalDateTime.of(2026, 12, 7, 11, 0), installation.timeZone());
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Не работает форма", "Форма обратной связи молчит");
        MockHttpSession desk = deskLogin(agent.email());
        resolve(desk, ticket);

        // the next Monday evening: Tuesday to Friday are four working days
        clock.moveTo(LocalDateTime.of(2026, 12, 14, 20, 0), installation.timeZone());
        autoClose.closeUnanswered();
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.RESOLVED);

        // Tuesday: the fifth working day has passed
        clock.moveTo(LocalDateTime.of(2026, 12, 15, 0, 30), installation.timeZone());
        autoClose.closeUnanswered();
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.CLOSED);
        assertThat(requests.history(ticket.id())).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("autoclose");
            assertThat(h.toValue()).isEqualTo("5");
            assertThat(h.actor()).isEqualTo("Tidesk");
        });
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("закрыто автоматически")));
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(portalLogin(client.login())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Закрыто автоматически")));
    }

    @Test
    void theNewYearHolidaysAreNoWorkingDays() throws Exception {
        // Wednesday 30 December 2026; 31 December and 1-8 January are days off
        clock.moveTo(LocalDateTime.of(2026, 12, 30, 15, 0), installation.timeZone());
        Client client = data.client();
        TicketView ticket = data.request(client, "Поздравление на главной", "Уберите баннер");
        resolve(deskLogin(data.agent().email()), ticket);

        // Friday 15 January: 11 to 14 January are four working days
        clock.moveTo(LocalDateTime.of(2027, 1, 15, 18, 0), installation.timeZone());
        autoClose.closeUnanswered();
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.RESOLVED);

        clock.moveTo(LocalDateTime.of(2027, 1, 16, 10, 0), installation.timeZone());
        autoClose.closeUnanswered();
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void aClientsReplyAfterTheResolutionKeepsTheRequestOpen() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 12, 7, 11, 0), installation.timeZone());
        Client client = data.client();
        TicketView ticket = data.request(client, "Медленно грузится сайт", "Главная открывается 10 секунд");
        resolve(deskLogin(data.agent().email()), ticket);

        clock.moveTo(LocalDateTime.of(2026, 12, 9, 10, 0), installation.timeZone());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .param("body", "Всё ещё медленно")
                        .session(portalLogin(client.login()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.OPEN);

        clock.moveTo(LocalDateTime.of(2026, 12, 28, 10, 0), installation.timeZone());
        autoClose.closeUnanswered();
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.OPEN);
        assertThat(requests.history(ticket.id())).noneMatch(h -> h.field().equals("autoclose"));
    }

    private void resolve(MockHttpSession desk, TicketView ticket) throws Exception {
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/status")
                        .param("status", "RESOLVED")
                        .session(desk)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.RESOLVED);
    }
}
