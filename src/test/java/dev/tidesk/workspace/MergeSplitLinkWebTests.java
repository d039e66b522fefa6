package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestsMerged;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merge, split and link through HTTP: what moves and what stays, the norm-hours total, the client
 * told once, the refusals, and who may do it (support; specialists 403; contacts never).
 */
class MergeSplitLinkWebTests extends WebTest {

    @Autowired
    RequestQueries queries;

    @Autowired
    RequestDesk desk;

    @Autowired
    WorkLog workLog;

    @Autowired
    TaskBoard board;

    @Autowired
    Deferrals deferrals;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApiTokens tokens;

    Actor agentActor(StaffView agent) {
        return Actor.staff(agent.id(), agent.fullName());
    }

    int mergedMails(TicketView merged) {
        Integer n = jdbc.queryForObject(
                "select count(*) from mail_outbox where event_key = ?", Integer.class, "merged:" + merged.id());
        return n == null ? 0 : n;
    }

    @Test
    void mergingMovesEverythingClosesTheMergedRequestAndTellsTheClientOnce() throws Exception {
        Client client = data.client("ru");
        StaffView agent = data.agent();
        StaffView developer = staff.hire(
                "Иван Разработчиков",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                dev.tidesk.TestData.PASSWORD);
        // the month's hours are used up on another request, so a deferral may be proposed
        ContractFixtures fixtures = new ContractFixtures(context);
        fixtures.sign(client, PlanCode.ECONOMY, 1);
        TicketView big = fixtures.request(data, client, "Большая доработка каталога", 1);
        fixtures.log(big, agent, 0, 10);
        TicketView a = data.request(client, "Не работает форма обратной связи", "Письма с формы не приходят");
        TicketView b = data.request(client, "Форма на сайте", "Форма не отправляется");
        desk.clientReply(
                a.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Скриншот ошибки",
                List.of(new NewAttachment("oshibka.png", "image/png", "PNG".getBytes(StandardCharsets.UTF_8))));
        desk.reply(a.id(), agentActor(agent), "Смотрим", List.of());
        desk.note(a.id(), agentActor(agent), "Похоже на SMTP хостинга", List.of());
        workLog.log(a.id(), null, agent.id(), agent.fullName(), workLog.today(), 90, WorkKind.WORK, "Диагностика");
        workLog.log(b.id(), null, agent.id(), agent.fullName(), workLog.today(), 30, WorkKind.WORK, "Проверка");
        board.create(
                new NewTask(
                        a.id(),
                        Specialty.DEVELOPER,
                        developer.id(),
                        "Проверить SMTP",
                        null,
                        BigDecimal.ONE,
                        Environment.LIVE),
                agent.fullName());
        deferrals.propose(a.id(), agentActor(agent));

        int messagesA = queries.messages(a.id(), true).size();
        int messagesB = queries.messages(b.id(), true).size();
        int historyA = queries.history(a.id()).size();
        int total = workLog.totalMinutesOf(a.id()) + workLog.totalMinutesOf(b.id());
        assertThat(messagesA).isEqualTo(4);
        assertThat(total).isEqualTo(120);

        MockHttpSession session = deskLogin(agent.email());
        // the request page offers the merge; the confirmation shows both requests and what will move
        mvc.perform(get("/desk/requests/" + a.tid()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Объединить с…")))
                .andExpect(content().string(containsString("Связанные обращения")));
        mvc.perform(get("/desk/requests/" + a.tid() + "/merge")
                        .param("target", b.tid().toLowerCase())
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"move-messages\">4<")))
                .andExpect(content().string(containsString("id=\"move-files\">1<")))
                .andExpect(content().string(containsString("id=\"move-hours\">1,50<")))
                .andExpect(content().string(containsString("id=\"move-tasks\">1<")))
                .andExpect(content().string(containsString("id=\"move-deferrals\">1<")))
                .andExpect(content().string(containsString(b.subject())));
        // looking at the plan changes nothing
        assertThat(queries.messages(a.id(), true)).hasSize(messagesA);

        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", b.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + b.tid()));

        TicketView merged = queries.ticket(a.id());
        assertThat(merged.status()).isEqualTo(Status.CLOSED);
        assertThat(merged.mergedIntoId()).isEqualTo(b.id());
        assertThat(queries.messages(a.id(), true)).isEmpty();
        List<MessageView> conversation = queries.messages(b.id(), true);
        assertThat(conversation).hasSize(messagesA + messagesB);
        assertThat(conversation.stream().flatMap(m -> m.attachments().stream()))
                .extracting(f -> f.filename())
                .containsExactly("oshibka.png");
        assertThat(workLog.totalMinutesOf(a.id())).isZero();
        assertThat(workLog.totalMinutesOf(b.id())).isEqualTo(total);
        assertThat(board.ofRequest(a.id())).isEmpty();
        assertThat(board.ofRequest(b.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.tid()).isEqualTo(b.tid()));
        assertThat(deferrals.ofTicket(a.id())).isEmpty();
        assertThat(deferrals.ofTicket(b.id())).hasSize(1);
        // the history moved too, and each request says what happened
        List<HistoryEntry> historyB = queries.history(b.id());
        assertThat(historyB).hasSizeGreaterThan(historyA);
        assertThat(historyB).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("mergedFrom");
            assertThat(h.toValue()).isEqualTo(a.tid());
        });
        assertThat(queries.history(a.id())).extracting(HistoryEntry::field).containsExactly("merged", "status");

        // the client is told once, in their language
        assertThat(mergedMails(a)).isEqualTo(1);
        String subject = jdbc.queryForObject(
                "select subject from mail_outbox where event_key = ?", String.class, "merged:" + a.id());
        assertThat(subject).contains("Ваше обращение " + a.tid() + " объединено с " + b.tid());
        // a repeated event (a retry) mails nothing more
        tx.executeWithoutResult(s -> context.publishEvent(new RequestsMerged(
                a.id(), a.tid(), b.id(), b.tid(), client.organization().id(), agent.id())));
        assertThat(mergedMails(a)).isEqualTo(1);

        // both pages say it: the merged one links to the survivor, which no longer offers to merge it
        mvc.perform(get("/desk/requests/" + a.tid()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"merged-survivor\"")))
                .andExpect(content().string(not(containsString("id=\"merge\""))));
        // the client's portal shows the note and the way to the survivor; a reply there lands in it
        MockHttpSession contact = portalLogin(client.login());
        mvc.perform(get("/portal/requests/" + a.tid()).session(contact))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"merged-note\"")))
                .andExpect(content().string(containsString("/portal/requests/" + b.tid())));
        mvc.perform(post("/portal/requests/" + a.tid() + "/replies")
                        .param("body", "Дополнение через старый номер")
                        .session(contact)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/requests/" + b.tid()));
        assertThat(queries.messages(b.id(), false))
                .extracting(MessageView::body)
                .contains("Дополнение через старый номер");

        // the API reads and answers the merged TID as the survivor
        String token = tokens.issue(accountOf(agent.email()), "merge check");
        mvc.perform(get("/api/v1/requests/" + a.tid()).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tid").value(b.tid()));
        mvc.perform(post("/api/v1/requests/" + a.tid() + "/replies")
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .content("{\"body\":\"Ответ через API\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tid").value(b.tid()));
        assertThat(queries.messages(a.id(), true)).isEmpty();
    }

    @Test
    void refusalsAreClear422sAndAClosedRequestMayBeMerged() throws Exception {
        Client client = data.client("ru");
        Client another = data.client("ru");
        TicketView a = data.request(client, "Первое", "Текст");
        TicketView b = data.request(client, "Второе", "Текст");
        TicketView c = data.request(client, "Третье", "Текст");
        TicketView foreign = data.request(another, "Чужое", "Текст");
        StaffView agent = data.agent();
        MockHttpSession session = deskLogin(agent.email());

        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", a.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("нельзя объединить с самим собой")));
        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", foreign.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("другой организации")));
        mvc.perform(get("/desk/requests/" + a.tid() + "/merge")
                        .param("target", "TID-999999999")
                        .session(session))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Обращения TID-999999999 нет")));
        assertThat(queries.ticket(a.id()).merged()).isFalse();
        assertThat(queries.ticket(foreign.id()).status()).isEqualTo(Status.NEW);

        // a closed request may be merged
        desk.changeStatus(b.id(), Status.CLOSED, agentActor(agent));
        mvc.perform(post("/desk/requests/" + b.tid() + "/merge")
                        .param("target", c.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + c.tid()));
        assertThat(queries.ticket(b.id()).mergedIntoId()).isEqualTo(c.id());
        // nothing is merged into a merged request, and a merged request is not merged again
        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", b.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("само объединено с другим")));
        mvc.perform(post("/desk/requests/" + b.tid() + "/merge")
                        .param("target", a.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("уже объединено")));
        // an empty TID comes back with the form
        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", " ")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"merge-target\"")));
    }

    @Test
    void aClientMessageIsSplitOffIntoANewLinkedRequest() throws Exception {
        Client client = data.client("ru");
        TicketView a = data.request(client, "Обновить цены", "Прайс во вложении");
        long second = desk.clientReply(
                a.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "И ещё: не работает поиск по сайту",
                List.of(new NewAttachment("poisk.txt", "text/plain", "q=".getBytes(StandardCharsets.UTF_8))));
        long first = queries.messages(a.id(), true).get(0).id();
        MockHttpSession session = deskLogin(data.agent().email());

        mvc.perform(get("/desk/requests/" + a.tid()).session(session))
                .andExpect(content().string(containsString("/desk/requests/" + a.tid() + "/split/" + second)))
                .andExpect(content().string(not(containsString("/split/" + first + "\""))));
        mvc.perform(get("/desk/requests/" + a.tid() + "/split/" + second).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Обновить цены (из " + a.tid() + ")")));
        // an empty subject comes back with the form
        mvc.perform(post("/desk/requests/" + a.tid() + "/split/" + second)
                        .param("subject", "")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"split-subject\"")));

        String location = mvc.perform(post("/desk/requests/" + a.tid() + "/split/" + second)
                        .param("subject", "Не работает поиск по сайту")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        TicketView split = queries.byTid(location.substring(location.lastIndexOf('/') + 1));
        assertThat(split.id()).isNotEqualTo(a.id());
        assertThat(split.subject()).isEqualTo("Не работает поиск по сайту");
        assertThat(split.organizationId()).isEqualTo(a.organizationId());
        assertThat(split.contactId()).isEqualTo(a.contactId());
        assertThat(split.siteId()).isEqualTo(a.siteId());
        List<MessageView> moved = queries.messages(split.id(), true);
        assertThat(moved).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.CLIENT);
            assertThat(m.body()).contains("не работает поиск");
            assertThat(m.attachments()).extracting(f -> f.filename()).containsExactly("poisk.txt");
        });
        assertThat(queries.messages(a.id(), true)).extracting(MessageView::id).containsExactly(first);
        assertThat(queries.history(a.id())).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("splitTo");
            assertThat(h.toValue()).isEqualTo(split.tid());
        });
        assertThat(queries.history(split.id())).extracting(HistoryEntry::field).contains("created", "splitFrom");
        assertThat(queries.links(a.id())).extracting(l -> l.tid()).containsExactly(split.tid());
        assertThat(queries.links(split.id())).extracting(l -> l.tid()).containsExactly(a.tid());

        // the first message stays with its request
        mvc.perform(post("/desk/requests/" + a.tid() + "/split/" + first)
                        .param("subject", "Нельзя")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Первое сообщение остаётся")));
    }

    @Test
    void relatedRequestsAreLinkedBothWaysAndUnlinked() throws Exception {
        Client client = data.client("ru");
        Client another = data.client("ru");
        TicketView a = data.request(client, "Хостинг недоступен", "Сайт лежит");
        TicketView b = data.request(another, "Тоже лежит", "Сайт лежит");
        MockHttpSession session = deskLogin(data.agent().email());

        mvc.perform(post("/desk/requests/" + a.tid() + "/links")
                        .param("target", b.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + a.tid() + "#links"));
        // linking twice changes nothing
        mvc.perform(post("/desk/requests/" + a.tid() + "/links")
                        .param("target", b.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + a.tid() + "#links"));
        assertThat(queries.links(a.id())).extracting(l -> l.tid()).containsExactly(b.tid());
        assertThat(queries.links(b.id())).extracting(l -> l.tid()).containsExactly(a.tid());
        mvc.perform(get("/desk/requests/" + b.tid()).session(session))
                .andExpect(content().string(containsString("href=\"/desk/requests/" + a.tid() + "\"")));
        assertThat(queries.history(a.id()).stream().filter(h -> h.field().equals("linked")))
                .singleElement()
                .satisfies(h -> assertThat(h.toValue()).isEqualTo(b.tid()));
        assertThat(queries.history(b.id()))
                .anySatisfy(h -> assertThat(h.field()).isEqualTo("linked"));

        // itself and an unknown TID are refused with the reason
        mvc.perform(post("/desk/requests/" + a.tid() + "/links")
                        .param("target", a.tid())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + a.tid() + "#links"));
        assertThat(queries.links(a.id())).hasSize(1);

        mvc.perform(post("/desk/requests/" + b.tid() + "/links/remove")
                        .param("linkedId", String.valueOf(a.id()))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + b.tid() + "#links"));
        assertThat(queries.links(a.id())).isEmpty();
        assertThat(queries.links(b.id())).isEmpty();
        assertThat(queries.history(a.id()))
                .anySatisfy(h -> assertThat(h.field()).isEqualTo("unlinked"));
    }

    @Test
    void specialistsAndContactsReachNoneOfIt() throws Exception {
        Client client = data.client("ru");
        TicketView a = data.request(client, "Раз", "Текст");
        TicketView b = data.request(client, "Два", "Текст");
        MockHttpSession specialist = deskLogin(staff.hire(
                        "Иван Разработчиков",
                        "dev" + System.nanoTime() + "@tidesk.example",
                        Role.SPECIALIST,
                        Specialty.DEVELOPER,
                        dev.tidesk.TestData.PASSWORD)
                .email());
        mvc.perform(get("/desk/requests/" + a.tid()).session(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"merge\""))))
                .andExpect(content().string(not(containsString("id=\"links-form\""))))
                .andExpect(content().string(not(containsString("/split/"))));
        mvc.perform(get("/desk/requests/" + a.tid() + "/merge").session(specialist))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", b.tid())
                        .session(specialist)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/requests/" + a.tid() + "/links")
                        .param("target", b.tid())
                        .session(specialist)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        MockHttpSession contact = portalLogin(client.login());
        mvc.perform(post("/desk/requests/" + a.tid() + "/merge")
                        .param("target", b.tid())
                        .session(contact)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // a manager and the head may
        MockHttpSession manager = deskLogin(data.member(Role.MANAGER).email());
        mvc.perform(get("/desk/requests/" + a.tid() + "/merge")
                        .param("target", b.tid())
                        .session(manager))
                .andExpect(status().isOk());
        assertThat(queries.ticket(a.id()).merged()).isFalse();
    }
}
