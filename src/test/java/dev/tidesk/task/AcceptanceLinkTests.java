package dev.tidesk.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.SecretTokens;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * The client answers a test-copy check by the mail's link: only the token's hash is stored, the
 * link alone opens the page (showing what it is about and nothing else), and a used, replaced,
 * expired or forged link changes nothing.
 */
class AcceptanceLinkTests extends WebTest {

    static final Pattern ACCEPT = Pattern.compile("/portal/answer/test-copy/([A-Za-z0-9_-]{43})\\?answer=accept");

    @Autowired
    TaskBoard board;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    TestData.Client client;
    TicketView ticket;
    StaffView dev;
    TaskView task;

    @BeforeEach
    void aTaskAwaitingTheClient() {
        client = data.client();
        ticket = data.request(client, "Новая форма заказа", "Нужна форма");
        dev = staff.hire(
                "Анна Вёрсткина",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        task = board.create(
                new NewTask(
                        ticket.id(),
                        Specialty.DEVELOPER,
                        dev.id(),
                        "Форма заказа на тестовой копии",
                        "Внутреннее: переписать валидацию",
                        new BigDecimal("2"),
                        Environment.TEST),
                "Агент");
        board.start(task.id(), dev.id(), dev.fullName());
        board.readyOnTestCopy(task.id(), dev.id(), dev.fullName());
    }

    /** The token of the newest acceptance mail of the request. */
    String tokenFromMail() {
        List<OutboxView> mails = outbox.ofRequest(ticket.id()).stream()
                .filter(m -> m.subject().contains("Проверьте на тестовой копии"))
                .toList();
        OutboxView mail = mails.get(mails.size() - 1);
        assertThat(mail.htmlBody()).contains("answer=decline");
        // the outbox pages show the link masked; the mail itself (as stored for sending) carries it
        assertThat(mail.textBody()).doesNotContainPattern(ACCEPT);
        String text = jdbc.queryForObject("select text_body from mail_outbox where id = ?", String.class, mail.id());
        Matcher m = ACCEPT.matcher(text);
        assertThat(m.find()).as("accept link in %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void onlyTheHashIsStoredAndThePageShowsTheTaskToItsOrganizationOnly() throws Exception {
        String token = tokenFromMail();
        assertThat(jdbc.queryForObject(
                        "select count(*) from task_acceptance_link where token_hash = ?",
                        Long.class,
                        SecretTokens.hash(token)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from task_acceptance_link where token_hash = ?", Long.class, token))
                .isZero();

        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/portal/answer/test-copy/" + token)
                        .param("answer", "accept")
                        .session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Форма заказа на тестовой копии")))
                .andExpect(content().string(containsString(client.site().testUrl())))
                .andExpect(content().string(containsString("id=\"task-link-accept\"")))
                .andExpect(content().string(containsString("id=\"task-link-decline\"")))
                .andExpect(content().string(not(containsString("переписать валидацию"))));
        // the link is the authority: no sign-in needed, and a stranger signed in sees only what it is about
        mvc.perform(get("/portal/answer/test-copy/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-link-accept\"")));
        MockHttpSession stranger = portalLogin(data.client().login());
        mvc.perform(get("/portal/answer/test-copy/" + token).session(stranger))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/portal/requests/" + ticket.tid()))))
                .andExpect(content()
                        .string(not(containsString(client.organization().name()))))
                .andExpect(content().string(not(containsString("переписать валидацию"))));
        mvc.perform(post("/portal/answer/test-copy/" + token).session(portal).param("answer", "accept"))
                .andExpect(status().isForbidden());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.AWAITING_CLIENT_ACCEPTANCE);
    }

    @Test
    void aDeclineByLinkReturnsTheTaskWithTheCommentAndTheNextCheckHasANewLink() throws Exception {
        String first = tokenFromMail();
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/portal/answer/test-copy/" + first)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "decline")
                        .param("comment", ""))
                .andExpect(status().isUnprocessableEntity());
        assertThat(board.task(task.id()).status())
                .as("a decline needs a comment")
                .isEqualTo(TaskStatus.AWAITING_CLIENT_ACCEPTANCE);

        mvc.perform(post("/portal/answer/test-copy/" + first)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "decline")
                        .param("comment", "Поле телефона не принимает +7"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/portal/requests/" + ticket.tid() + "#tasks"));
        TaskView declined = board.task(task.id());
        assertThat(declined.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(declined.clientComment()).isEqualTo("Поле телефона не принимает +7");
        mvc.perform(get("/portal/answer/test-copy/" + first).session(portal))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Вы уже отклонили это изменение")))
                .andExpect(content().string(not(containsString("id=\"task-link-accept\""))));

        board.readyOnTestCopy(task.id(), dev.id(), dev.fullName());
        String second = tokenFromMail();
        assertThat(second).isNotEqualTo(first);
        mvc.perform(post("/portal/answer/test-copy/" + first)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "accept"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("ссылка действует один раз")));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.AWAITING_CLIENT_ACCEPTANCE);
        mvc.perform(post("/portal/answer/test-copy/" + second)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "accept"))
                .andExpect(status().is3xxRedirection());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);
        assertThat(board.history(ticket.id()))
                .extracting(TaskStep::to)
                .endsWith(
                        TaskStatus.IN_PROGRESS,
                        TaskStatus.ON_TEST_COPY,
                        TaskStatus.AWAITING_CLIENT_ACCEPTANCE,
                        TaskStatus.DEPLOYING);
    }

    @Test
    void anExpiredLinkChangesNothing() {
        String token = tokenFromMail();
        Instant later = Instant.now().plus(Duration.ofDays(15));
        assertThatThrownBy(() -> board.answerByLink(
                        token, true, null, client.organization().id(), "Клиент", later))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("expired");
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.AWAITING_CLIENT_ACCEPTANCE);
        assertThat(board.answerByLink(token, true, null, client.organization().id(), "Клиент")
                        .status())
                .as("the link still works before it expires")
                .isEqualTo(TaskStatus.DEPLOYING);
    }

    @Test
    void answeringInThePortalRetiresTheLink() throws Exception {
        String token = tokenFromMail();
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/tasks/" + task.id() + "/accept")
                        .session(portal)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal/answer/test-copy/" + token).session(portal))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("id=\"link-state\"")))
                .andExpect(content().string(not(containsString("id=\"task-link-accept\""))));
        mvc.perform(post("/portal/answer/test-copy/" + token)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "decline")
                        .param("comment", "Передумал"))
                .andExpect(status().isGone());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);
    }
}
