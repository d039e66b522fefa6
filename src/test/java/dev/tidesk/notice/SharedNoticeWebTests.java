package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * A new request tells everyone on duty with one shared notice (issue 19), and each of them reads it
 * for themselves: through HTTP, what every person sees in the bell is what a notice of their own
 * would show.
 */
@Tag("database")
class SharedNoticeWebTests extends WebTest {

    static final String NEW_REQUEST_TEXT = ": новое обращение в очереди";

    @Autowired
    StaffDirectory staff;

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestQueries queries;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewRequestIsOneSharedRowThatTheAgentsOnDutySeeAndNobodyElse() throws Exception {
        StaffView a = data.agent();
        StaffView b = data.agent();
        StaffView c = data.agent();
        StaffView away = data.agent();
        staff.setAvailability(away.id(), Availability.AWAY);
        StaffView head = data.member(Role.HEAD);
        TicketView ticket = data.request(data.client(), "Общий звонок", "Не работает форма заказа");

        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where ticket_id = ? and recipient_id is null",
                        Long.class,
                        ticket.id()))
                .as("one shared row for everyone on duty")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                        select count(*) from notification n where n.ticket_id = ? and n.recipient_id is not null
                           and not exists (select 1 from notice_mail_kind m
                                            where m.staff_id = n.recipient_id and m.kind = 'NEW_REQUEST')""", Long.class, ticket.id()))
                .as("a row of one's own only for those who chose new requests by e-mail")
                .isZero();

        for (StaffView told : List.of(a, b, c)) {
            MockHttpSession session = deskLogin(told.email());
            mvc.perform(get("/desk/notifications/count").session(session))
                    .andExpect(content().string(containsString("id=\"bell-count\">1<")));
            mvc.perform(get("/desk/notifications").session(session))
                    .andExpect(content().string(containsString(ticket.tid() + NEW_REQUEST_TEXT)))
                    .andExpect(content().string(containsString("class=\"notice unread\"")));
        }
        for (StaffView notTold : List.of(away, head)) {
            MockHttpSession session = deskLogin(notTold.email());
            mvc.perform(get("/desk/notifications/count").session(session))
                    .andExpect(content().string(not(containsString("bell-count"))));
            mvc.perform(get("/desk/notifications").session(session))
                    .andExpect(content().string(not(containsString(ticket.tid()))));
            mvc.perform(get("/desk/notifications/" + sharedNoticeOf(ticket)).session(session))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void aBusyAgentIsOnDutyForNewRequestsADeactivatedOneIsNot() {
        StaffView busy = data.agent();
        staff.setAvailability(busy.id(), Availability.BUSY);
        StaffView gone = data.agent();
        staff.deactivate(gone.id(), null);
        TicketView ticket = data.request(data.client(), "Кто на смене", "Текст");

        assertThat(jdbc.queryForList(
                        "select unnest(audience) from notification where ticket_id = ? and recipient_id is null",
                        Long.class,
                        ticket.id()))
                .contains(busy.id())
                .doesNotContain(gone.id());
    }

    @Test
    void oneAgentReadingTheSharedNoticeLeavesItUnreadForTheOthers() throws Exception {
        StaffView a = data.agent();
        StaffView b = data.agent();
        StaffView c = data.agent();
        StaffView d = data.agent();
        Client client = data.client();
        TicketView ticket = data.request(client, "Читает каждый сам", "Текст");
        long id = sharedNoticeOf(ticket);
        MockHttpSession sa = deskLogin(a.email());
        MockHttpSession sb = deskLogin(b.email());
        MockHttpSession sc = deskLogin(c.email());
        MockHttpSession sd = deskLogin(d.email());

        // a follows the notice's link
        mvc.perform(get("/desk/notifications/" + id).session(sa))
                .andExpect(redirectedUrl("/desk/requests/" + ticket.tid()));
        assertCount(sa, 0);
        mvc.perform(get("/desk/notifications").session(sa))
                .andExpect(content().string(containsString(ticket.tid() + NEW_REQUEST_TEXT)))
                .andExpect(content().string(not(containsString("class=\"notice unread\""))));
        assertCount(sb, 1);

        // b opens the request: the page's own bell counts after the reading
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(sb))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"bell-count\""))));
        assertCount(sb, 0);
        assertCount(sc, 1);

        // c marks all read: one mark, no row per notice, and a later request is unread again
        mvc.perform(post("/desk/notifications/read").session(sc).with(csrf()))
                .andExpect(redirectedUrl("/desk/notifications"));
        assertCount(sc, 0);
        assertThat(jdbc.queryForObject("select count(*) from notification_read where staff_id = ?", Long.class, c.id()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from notice_read_mark where staff_id = ?", Long.class, c.id()))
                .isEqualTo(1);
        assertCount(sd, 1);

        TicketView next = data.request(client, "Следующее", "Текст");
        assertCount(sc, 1);
        mvc.perform(get("/desk/notifications").session(sc))
                .andExpect(content().string(containsString(next.tid() + NEW_REQUEST_TEXT)))
                .andExpect(content().string(containsString("class=\"notice unread\"")));
        assertCount(sd, 2);
        assertCount(sa, 1);
    }

    @Test
    void theAgentWhoRecordsACallIsNotToldOfTheirOwnRequest() throws Exception {
        Client client = data.client();
        StaffView caller = data.agent();
        StaffView colleague = data.agent();
        MockHttpSession session = deskLogin(caller.email());
        String location = mvc.perform(post("/desk/phone")
                        .session(session)
                        .with(csrf())
                        .param("contactId", String.valueOf(client.contact().id()))
                        .param("siteId", String.valueOf(client.site().id()))
                        .param("subject", "Звонок: не грузится каталог")
                        .param("body", "Клиент звонил, каталог пустой")
                        .param("urgency", "NORMAL"))
                .andExpect(redirectedUrlPattern("/desk/requests/TID-*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        TicketView ticket = queries.byTid(location.substring(location.lastIndexOf('/') + 1));

        assertThat(sharedNoticeOf(ticket)).isPositive();
        mvc.perform(get("/desk/notifications").session(session))
                .andExpect(content().string(not(containsString(ticket.tid()))));
        assertCount(session, 0);
        MockHttpSession other = deskLogin(colleague.email());
        mvc.perform(get("/desk/notifications").session(other))
                .andExpect(content().string(containsString(ticket.tid() + NEW_REQUEST_TEXT)));
        assertCount(other, 1);
    }

    @Test
    void aSharedNoticeLeavesTheBellAfterTheHorizonAPersonalOneStays() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        MockHttpSession session = deskLogin(agent.email());
        TicketView ticket = data.request(client, "Старое обращение", "Текст");
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());
        desk.clientReply(
                ticket.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Ответ",
                List.of());
        // new in the queue (shared), given to me, the client's reply (both my own)
        assertCount(session, 3);

        clock.advance(Notices.SHARED_HORIZON.minus(Duration.ofMinutes(1)));
        assertCount(session, 3);

        clock.advance(Duration.ofMinutes(2));
        assertCount(session, 2);
        mvc.perform(get("/desk/notifications").session(session))
                .andExpect(content().string(not(containsString(ticket.tid() + NEW_REQUEST_TEXT))))
                .andExpect(content().string(containsString(ticket.tid() + ": ответ клиента")));
    }

    private void assertCount(MockHttpSession session, int unread) throws Exception {
        mvc.perform(get("/desk/notifications/count").session(session))
                .andExpect(
                        unread == 0
                                ? content().string(not(containsString("bell-count")))
                                : content().string(containsString("id=\"bell-count\">" + unread + "<")));
    }

    private long sharedNoticeOf(TicketView ticket) {
        return jdbc.queryForObject(
                "select id from notification where ticket_id = ? and recipient_id is null", Long.class, ticket.id());
    }
}
