package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell through HTTP: who is told of a client's reply and a mention, the live count, the list,
 * opening and marking read, and that nobody reaches another person's notices.
 */
class NoticeWebTests extends WebTest {

    @Autowired
    RequestDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aClientsPortalReplyTellsTheAssigneeAndAWatcherButNobodyElse() throws Exception {
        Client client = data.client();
        StaffView assignee = data.agent();
        StaffView watcher = data.agent();
        StaffView bystander = data.agent();
        TicketView ticket = data.request(client, "Сломалась корзина", "Не добавляются товары.");
        desk.assign(ticket.id(), assignee.id(), assignee.fullName(), Actor.staff(assignee.id(), assignee.fullName()));
        MockHttpSession watcherSession = deskLogin(watcher.email());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/watch")
                        .session(watcherSession)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + ticket.tid()));
        // the new request told every agent on duty; the watcher starts with a quiet bell
        mvc.perform(post("/desk/notifications/read").session(watcherSession).with(csrf()));

        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .param("body", "Уточнение: только в Safari.")
                        .session(portal)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(notices(assignee, "CLIENT_REPLIED")).isEqualTo(1);
        assertThat(notices(watcher, "CLIENT_REPLIED")).isEqualTo(1);
        assertThat(notices(bystander, "CLIENT_REPLIED")).isZero();

        // the watcher's bell: the count, the list with the text and the link, opening it reads it
        mvc.perform(get("/desk/notifications/count").session(watcherSession))
                .andExpect(content().string(containsString("id=\"bell-count\">1<")));
        long id = noticeId(watcher, "CLIENT_REPLIED");
        mvc.perform(get("/desk/notifications").session(watcherSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ticket.tid() + ": ответ клиента")))
                .andExpect(content().string(containsString("/desk/notifications/" + id)));
        mvc.perform(get("/desk/notifications/" + id).session(watcherSession))
                .andExpect(redirectedUrl("/desk/requests/" + ticket.tid() + "#conversation"));
        mvc.perform(get("/desk/notifications/count").session(watcherSession))
                .andExpect(content().string(not(containsString("bell-count"))));

        // the watcher stops watching: the next reply tells the assignee only
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/unwatch")
                        .session(watcherSession)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .param("body", "И в Firefox тоже.")
                        .session(portal)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(notices(assignee, "CLIENT_REPLIED")).isEqualTo(2);
        assertThat(notices(watcher, "CLIENT_REPLIED")).isEqualTo(1);
    }

    @Test
    void aMentionInANoteTellsTheColleagueMakesThemAWatcherAndIsALink() throws Exception {
        Client client = data.client();
        StaffView author = data.agent();
        StaffView colleague = data.agent();
        TicketView ticket = data.request(client, "Перенос сайта", "Нужно перенести сайт на новый хостинг.");
        String handle = colleague.email().substring(0, colleague.email().indexOf('@'));
        String self = author.email().substring(0, author.email().indexOf('@'));
        MockHttpSession session = deskLogin(author.email());

        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .session(session)
                        .with(csrf())
                        .param("kind", "note")
                        .param(
                                "body",
                                "@" + handle + ", глянь DNS. Пишу себе: @" + self + ". Клиент: anna@client.example"))
                .andExpect(status().is3xxRedirection());

        assertThat(notices(colleague, "MENTION")).isEqualTo(1);
        assertThat(notices(author, "MENTION"))
                .as("never the person who wrote it")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from request_watcher where ticket_id = ? and staff_id = ?",
                        Long.class,
                        ticket.id(),
                        colleague.id()))
                .isEqualTo(1);
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(session))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("class=\"mention\" href=\"mailto:" + colleague.email() + "\"")))
                .andExpect(content().string(containsString(">@" + handle + "</a>")))
                .andExpect(content().string(containsString("Клиент: anna@client.example")));

        // the watcher the mention made hears the client's next reply
        desk.clientReply(
                ticket.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Спасибо!",
                List.of());
        assertThat(notices(colleague, "CLIENT_REPLIED")).isEqualTo(1);
    }

    @Test
    void markAllReadEmptiesTheBellAndAnotherPersonNeverReachesMyNotices() throws Exception {
        Client client = data.client();
        StaffView me = data.agent();
        StaffView other = data.agent();
        TicketView first = data.request(client, "Первый", "Текст");
        TicketView second = data.request(client, "Второй", "Текст");
        for (TicketView t : List.of(first, second)) {
            desk.assign(t.id(), me.id(), me.fullName(), Actor.system());
            desk.clientReply(
                    t.id(),
                    Actor.contact(client.contact().id(), client.contact().fullName()),
                    "Ещё вопрос",
                    List.of());
        }
        MockHttpSession mine = deskLogin(me.email());
        MockHttpSession theirs = deskLogin(other.email());
        long id = noticeId(me, "CLIENT_REPLIED");

        mvc.perform(get("/desk/notifications/" + id).session(theirs)).andExpect(status().isNotFound());
        mvc.perform(get("/desk/notifications").session(theirs))
                .andExpect(content().string(not(containsString("/desk/notifications/" + id + "\""))));
        assertThat(jdbc.queryForObject("select read_at is null from notification where id = ?", Boolean.class, id))
                .as("someone else's look leaves it unread")
                .isTrue();

        long unread = unread(me);
        assertThat(unread).isGreaterThanOrEqualTo(2);
        mvc.perform(get("/desk").session(mine))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"bell-count\">" + unread + "<")));
        mvc.perform(post("/desk/notifications/read").session(mine).with(csrf()))
                .andExpect(redirectedUrl("/desk/notifications"));
        assertThat(unread(me)).isZero();
        mvc.perform(get("/desk/notifications").session(mine))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("notices-read-all"))));
    }

    @Test
    void aChangeThatRollsBackTellsNobody() {
        Client client = data.client();
        StaffView assignee = data.agent();
        TicketView ticket = data.request(client, "Откат", "Текст");
        desk.assign(ticket.id(), assignee.id(), assignee.fullName(), Actor.system());
        transactions.executeWithoutResult(tx -> {
            desk.clientReply(
                    ticket.id(),
                    Actor.contact(client.contact().id(), client.contact().fullName()),
                    "Ответ",
                    List.of());
            tx.setRollbackOnly();
        });
        assertThat(notices(assignee, "CLIENT_REPLIED")).isZero();
    }

    @Test
    void openingTheRequestReadsItsNotices() throws Exception {
        Client client = data.client();
        StaffView assignee = data.agent();
        TicketView ticket = data.request(client, "Открыть", "Текст");
        desk.assign(ticket.id(), assignee.id(), assignee.fullName(), Actor.system());
        desk.clientReply(
                ticket.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Ответ",
                List.of());
        long id = noticeId(assignee, "CLIENT_REPLIED");
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(deskLogin(assignee.email())))
                .andExpect(status().isOk())
                // the header's bell counts after the reading, not before it
                .andExpect(content().string(not(containsString("id=\"bell-count\""))));
        assertThat(jdbc.queryForObject("select read_at is not null from notification where id = ?", Boolean.class, id))
                .isTrue();
    }

    @Test
    void queueRowsMarkClientMessagesTheViewerHasNotOpened() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView colleague = data.agent();
        TicketView ticket = data.request(client, "Непрочитанное", "Первое сообщение");
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());
        MockHttpSession session = deskLogin(agent.email());
        String row = "class=\"request-row unseen\" id=\"q-" + ticket.tid() + "\"";

        mvc.perform(get("/desk?view=MINE").session(session)).andExpect(content().string(containsString(row)));
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(session)).andExpect(status().isOk());
        mvc.perform(get("/desk?view=MINE").session(session))
                .andExpect(content().string(containsString("class=\"request-row\" id=\"q-" + ticket.tid() + "\"")));

        desk.clientReply(
                ticket.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Ещё одно",
                List.of());
        mvc.perform(get("/desk?view=MINE").session(session)).andExpect(content().string(containsString(row)));
        // per person: the colleague has never opened it, whatever the agent did
        mvc.perform(get("/desk?view=OPEN&sort=NEWEST").session(deskLogin(colleague.email())))
                .andExpect(content().string(containsString(row)));
    }

    @Test
    void searchRowsMarkClientMessagesTheViewerHasNotOpened() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView colleague = data.agent();
        String word = "Зонтик" + System.nanoTime();
        TicketView ticket = data.request(client, word + " не открывается", "Первое сообщение");
        TicketView other = data.request(client, word + " второй", "Второе обращение");
        MockHttpSession session = deskLogin(agent.email());
        String unseenRow = "class=\"search-hit unseen\" id=\"s-" + ticket.tid() + "\"";
        String seenRow = "class=\"search-hit\" id=\"s-" + ticket.tid() + "\"";

        mvc.perform(get("/desk/search").param("q", word).session(session))
                .andExpect(content().string(containsString(unseenRow)))
                .andExpect(
                        content().string(containsString("class=\"search-hit unseen\" id=\"s-" + other.tid() + "\"")));
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(session)).andExpect(status().isOk());
        // opened: plain again, and only that row; the other request is still unread
        mvc.perform(get("/desk/search").param("q", word).session(session))
                .andExpect(content().string(containsString(seenRow)))
                .andExpect(
                        content().string(containsString("class=\"search-hit unseen\" id=\"s-" + other.tid() + "\"")));
        // a staff reply is not a client message: still read
        desk.reply(ticket.id(), Actor.staff(agent.id(), agent.fullName()), "Смотрим", List.of());
        mvc.perform(get("/desk/search").param("q", word).session(session))
                .andExpect(content().string(containsString(seenRow)));

        desk.clientReply(
                ticket.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Всё ещё не открывается",
                List.of());
        mvc.perform(get("/desk/search").param("q", word).session(session))
                .andExpect(content().string(containsString(unseenRow)));
        // per person: the colleague never opened it
        mvc.perform(get("/desk/search").param("q", word).session(deskLogin(colleague.email())))
                .andExpect(content().string(containsString(unseenRow)));
    }

    @Test
    void aTaskMovingOnTellsTheRequestsAssigneeNotTheSpecialistWhoMovedIt() {
        Client client = data.client();
        StaffView assignee = data.agent();
        StaffView developer = context.getBean(dev.tidesk.team.StaffDirectory.class)
                .hire(
                        "Иван Разработчиков",
                        "dev" + System.nanoTime() + "@tidesk.example",
                        dev.tidesk.identity.Role.SPECIALIST,
                        dev.tidesk.team.Specialty.DEVELOPER,
                        dev.tidesk.TestData.PASSWORD);
        TicketView ticket = data.request(client, "Поправить форму", "Форма не отправляется");
        desk.assign(ticket.id(), assignee.id(), assignee.fullName(), Actor.system());
        dev.tidesk.task.TaskBoard board = context.getBean(dev.tidesk.task.TaskBoard.class);
        dev.tidesk.task.TaskView task = board.create(
                new dev.tidesk.task.NewTask(
                        ticket.id(),
                        dev.tidesk.team.Specialty.DEVELOPER,
                        developer.id(),
                        "Починить обработчик формы",
                        null,
                        new java.math.BigDecimal("1"),
                        dev.tidesk.task.Environment.LIVE),
                assignee.fullName());

        board.start(task.id(), developer.id(), developer.fullName());
        assertThat(notices(assignee, "TASK_STATUS")).isEqualTo(1);
        assertThat(notices(developer, "TASK_STATUS"))
                .as("never the one who moved it")
                .isZero();

        // the assignee cancels it: now the specialist hears, the assignee does not
        board.cancel(task.id(), assignee.id(), assignee.fullName());
        assertThat(notices(developer, "TASK_STATUS")).isEqualTo(1);
        assertThat(notices(assignee, "TASK_STATUS")).isEqualTo(1);
    }

    @Test
    void theBellsPollAfterTheSessionEndedGetsA401NotTheSignInPage() throws Exception {
        mvc.perform(get("/desk/notifications/count").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/desk/notifications/count"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/desk/login"));
    }

    /**
     * This person's unread notices in the table: their own rows, and the shared ones (new requests)
     * told to them that they have not read on their own or by "mark all read".
     */
    private long unread(StaffView staff) {
        return jdbc.queryForObject("""
                select (select count(*) from notification where recipient_id = ? and read_at is null)
                     + (select count(*) from notification n where n.recipient_id is null and n.audience @> array[?::bigint]
                          and not exists (select 1 from notification_read r where r.staff_id = ? and r.notification_id = n.id)
                          and not exists (select 1 from notice_read_mark w where w.staff_id = ?
                                            and (n.created_at, n.id) <= (w.read_up_to_at, w.read_up_to_id)))""", Long.class, staff.id(), staff.id(), staff.id(), staff.id());
    }

    private long notices(StaffView staff, String kind) {
        return jdbc.queryForObject(
                "select count(*) from notification where recipient_id = ? and kind = ?", Long.class, staff.id(), kind);
    }

    /** Given a request by someone else, I hear; taking one myself is silent. */
    @Test
    void aRequestGivenToMeTellsMeAndOneITakeDoesNot() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView head = data.member(dev.tidesk.identity.Role.HEAD);
        TicketView given = data.request(client, "Назначено руководителем", "Текст");
        TicketView taken = data.request(client, "Взято самим", "Текст");

        mvc.perform(post("/desk/requests/" + given.tid() + "/assignee")
                        .session(deskLogin(head.email()))
                        .with(csrf())
                        .param("staffId", "" + agent.id()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + taken.tid() + "/take")
                        .session(deskLogin(agent.email()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForList(
                        "select ticket_id from notification where recipient_id = ? and kind = 'ASSIGNED_TO_YOU'",
                        Long.class,
                        agent.id()))
                .containsExactly(given.id());
        assertThat(notices(head, "ASSIGNED_TO_YOU")).isZero();
    }

    private long noticeId(StaffView staff, String kind) {
        return jdbc.queryForObject(
                "select max(id) from notification where recipient_id = ? and kind = ?", Long.class, staff.id(), kind);
    }
}
