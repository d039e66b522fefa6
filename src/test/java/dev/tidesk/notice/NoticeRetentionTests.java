package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly retention of notices, run as the scheduler runs it: a shared notice goes once it is out
 * of the bell, with who read it; a personal one 90 days after it was read, or a year after it was
 * written; one still waiting for its e-mail digest stays.
 */
@Tag("database")
class NoticeRetentionTests extends WebTest {

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequestDesk desk;

    @Autowired
    Notices notices;

    @Test
    void theNightlyJobDeletesWhatNobodyWillSeeAgainAndKeepsTheRest() throws Exception {
        StaffView agent = data.agent();
        StaffView byMail = data.agent();
        notices.mailKinds(byMail.id(), EnumSet.of(NoticeKind.CLIENT_REPLIED));
        Client client = data.client();
        Actor contact = Actor.contact(client.contact().id(), client.contact().fullName());
        TicketView ticket = data.request(client, "Старые уведомления", "Текст");
        long shared = jdbc.queryForObject(
                "select id from notification where ticket_id = ? and recipient_id is null", Long.class, ticket.id());
        MockHttpSession session = deskLogin(agent.email());
        mvc.perform(get("/desk/notifications/" + shared).session(session)).andExpect(status().is3xxRedirection());
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());
        desk.clientReply(ticket.id(), contact, "Первый ответ", List.of());
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(session)).andExpect(status().isOk());
        desk.clientReply(ticket.id(), contact, "Второй ответ", List.of());
        TicketView mailed = data.request(client, "Для сводки", "Текст");
        desk.assign(mailed.id(), byMail.id(), byMail.fullName(), Actor.system());
        desk.clientReply(mailed.id(), contact, "Ответ в сводку", List.of());
        long read = personal(agent, true);
        long unread = personal(agent, false);
        assertThat(read).as("read by opening the request").isPositive();
        assertThat(unread).as("the reply after that").isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification_read where notification_id = ?", Long.class, shared))
                .isEqualTo(1);
        try {
            clock.advance(Notices.SHARED_HORIZON.plusDays(1));
            runRetentionJob();
            assertThat(jdbc.queryForObject("select count(*) from notification where id = ?", Long.class, shared))
                    .as("the shared notice, out of the bell")
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from notification_read where notification_id = ?", Long.class, shared))
                    .isZero();
            assertThat(personal(agent, true)).isEqualTo(read);
            assertThat(personal(agent, false)).isEqualTo(unread);

            clock.advance(NoticeRetention.READ_KEPT);
            runRetentionJob();
            assertThat(personal(agent, true)).as("read 90 days ago").isZero();
            assertThat(personal(agent, false)).as("unread").isEqualTo(unread);

            clock.advance(NoticeRetention.KEPT);
            runRetentionJob();
            assertThat(personal(agent, false)).as("written a year ago").isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from notification where recipient_id = ? and to_mail and mailed_at is null",
                            Long.class,
                            byMail.id()))
                    .as("still waiting for its digest")
                    .isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    private long personal(StaffView staff, boolean read) {
        return jdbc.queryForObject(
                "select count(*) from notification where recipient_id = ? and (read_at is not null) = ?",
                Long.class,
                staff.id(),
                read);
    }

    /** The job as the scheduler runs it: its scheduled method, on the bean. */
    private void runRetentionJob() throws Exception {
        NoticeRetention job = context.getBean(NoticeRetention.class);
        assertThat(org.springframework.aop.support.AopUtils.getTargetClass(job)
                        .getMethod("deleteOld")
                        .isAnnotationPresent(Scheduled.class))
                .isTrue();
        job.deleteOld();
    }
}
