package dev.tidesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.shared.SecretTokens;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskStatus;
import dev.tidesk.task.TaskStep;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A contact who called (or wrote) has no portal password, and answers the mails' links all the
 * same: the link opens the decision page without signing in, the answer is posted with the
 * anonymous session's CSRF token and the link alone, the page then confirms and offers to set a
 * portal password; a reused or forged link gets a page saying so, never the sign-in page.
 */
class AnswerLinksWithoutLoginTests extends WebTest {

    static final Pattern TEST_COPY = Pattern.compile("/portal/answer/test-copy/([A-Za-z0-9_-]{43})\\?answer=accept");
    static final Pattern DEFERRAL = Pattern.compile("/portal/answer/deferral/([A-Za-z0-9_-]{43})\\?answer=accept");
    static final Pattern RATING = Pattern.compile("/portal/answer/rating/([A-Za-z0-9_-]{43})\\?answer=good");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Customers customers;

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestQueries requests;

    @Autowired
    TaskBoard board;

    @Autowired
    Deferrals deferrals;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Accounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    RequestDesk desk;

    @Autowired
    Satisfaction satisfaction;

    @Autowired
    JdbcTemplate jdbc;

    TestData.Client client;
    ContactView caller;
    TicketView ticket;

    /** A contact added by an agent taking a call: an address, no portal login. */
    @BeforeEach
    void aCallerWithoutAPortalLogin() {
        client = data.client();
        long n = System.nanoTime();
        caller = customers.createContact(
                client.organization().id(),
                "Виктор Звонков",
                "viktor" + n + "@" + client.organization().emailDomain(),
                "+7 (495) 200-00-00",
                "ru");
        ticket = intake.open(new NewRequest(
                "Обновить форму заказа",
                "Звонок: форма не принимает телефон",
                caller.id(),
                client.site().id(),
                Channel.PHONE,
                Urgency.NORMAL,
                List.of(),
                Actor.staff(data.agent().id(), "Агент")));
        assertThat(accounts.loginTaken(caller.email())).isFalse();
    }

    String tokenOfMail(Pattern pattern, String subject) {
        List<OutboxView> mails = outbox.ofRequest(ticket.id()).stream()
                .filter(m -> m.subject().contains(subject))
                .toList();
        OutboxView mail = mails.get(mails.size() - 1);
        assertThat(mail.recipient()).isEqualTo(caller.email());
        String text = jdbc.queryForObject("select text_body from mail_outbox where id = ?", String.class, mail.id());
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("link in %s", text).isTrue();
        return m.group(1);
    }

    TaskView taskAwaitingTheCaller() {
        StaffView dev = staff.hire(
                "Анна Вёрсткина",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        TaskView task = board.create(
                new NewTask(
                        ticket.id(),
                        Specialty.DEVELOPER,
                        dev.id(),
                        "Маска телефона",
                        "Внутреннее: поправить regex",
                        new BigDecimal("1"),
                        Environment.TEST),
                "Агент");
        board.start(task.id(), dev.id(), dev.fullName());
        board.readyOnTestCopy(task.id(), dev.id(), dev.fullName());
        return task;
    }

    /** Opens the page as a browser would, without a session: 200 and the page, with the session's cookie and token. */
    record Page(String html, Cookie session, String csrf) {}

    Page open(String path) throws Exception {
        MvcResult r = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
        String html = r.getResponse().getContentAsString();
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page's forms carry a CSRF token").isTrue();
        Cookie session = r.getResponse().getCookie("SESSION");
        assertThat(session).as("an anonymous session holds the CSRF token").isNotNull();
        return new Page(html, session, m.group(1));
    }

    @Test
    void theCallerAcceptsTheTestCopyByTheLinkWithoutSigningInOnceAndMayThenSetAPassword() throws Exception {
        TaskView task = taskAwaitingTheCaller();
        String token = tokenOfMail(TEST_COPY, "Проверьте на тестовой копии");
        String path = "/portal/answer/test-copy/" + token;

        Page page = open(path + "?answer=accept");
        assertThat(page.html())
                .contains(
                        "Маска телефона",
                        ticket.tid(),
                        "Обновить форму заказа",
                        client.site().name(),
                        client.site().testUrl(),
                        "id=\"task-link-accept\"",
                        "id=\"task-link-decline\"")
                .doesNotContain("поправить regex")
                .doesNotContain("/portal/requests/" + ticket.tid())
                .doesNotContain(caller.email());
        // without the token of its session the post is refused, and nothing changes
        mvc.perform(post(path).cookie(page.session()).param("answer", "accept")).andExpect(status().isForbidden());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.AWAITING_CLIENT_ACCEPTANCE);

        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "accept"))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);
        assertThat(board.history(ticket.id()))
                .last()
                .extracting(TaskStep::actor)
                .isEqualTo("Виктор Звонков");

        Page done = open(path + "/done");
        assertThat(done.html())
                .contains(
                        "Спасибо, ответ получен",
                        "Вы приняли изменение «Маска телефона»",
                        "id=\"answer-password-send\"");
        // the offer: a link to set the password, mailed to the caller's own address (a login is opened for them)
        mvc.perform(post(path + "/password").cookie(done.session()).param("_csrf", done.csrf()))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(accounts.loginTaken(caller.email())).isTrue();
        assertThat(jdbc.queryForObject("""
                select count(*) from mail_outbox where recipient = ? and subject = 'Ваш личный кабинет техподдержки'
                """, Long.class, caller.email())).isEqualTo(1);

        // the link works once: used, it is a page that says so (410), not a sign-in page, and changes nothing
        Page again = new Page(null, page.session(), page.csrf());
        mvc.perform(get(path + "?answer=accept"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Вы уже приняли это изменение")))
                .andExpect(content().string(not(containsString("id=\"task-link-accept\""))));
        mvc.perform(post(path)
                        .cookie(again.session())
                        .param("_csrf", again.csrf())
                        .param("answer", "decline")
                        .param("comment", "Передумал"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("ссылка действует один раз")));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);

        // a forged link: a styled 404 page
        String forged = "/portal/answer/test-copy/" + SecretTokens.newToken();
        mvc.perform(get(forged))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Такой ссылки нет")))
                .andExpect(content().string(containsString("/assets/css/tidesk")));
        mvc.perform(post(forged)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "accept"))
                .andExpect(status().isNotFound());
        mvc.perform(get(forged + "/done")).andExpect(status().isNotFound());
        mvc.perform(post(forged + "/password").with(csrf())).andExpect(status().isNotFound());

        // the first mails' address leads to the same page
        mvc.perform(get("/portal/task-links/" + token).param("answer", "decline"))
                .andExpect(redirectedUrl(path + "?answer=decline"));
    }

    @Test
    void aDeclineWithoutAReasonComesBackWithTheMessageAndTheFormAndANewCheckHasANewLink() throws Exception {
        TaskView task = taskAwaitingTheCaller();
        String token = tokenOfMail(TEST_COPY, "Проверьте на тестовой копии");
        String path = "/portal/answer/test-copy/" + token;
        Page page = open(path + "?answer=decline");
        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "decline")
                        .param("comment", " "))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"task-link-comment\"")))
                .andExpect(content().string(containsString("role=\"alert\"")));
        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "decline")
                        .param("comment", "Не принимает +7"))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(board.task(task.id()).clientComment()).isEqualTo("Не принимает +7");
        assertThat(open(path + "/done").html()).contains("Вы отклонили изменение «Маска телефона»");
    }

    @Test
    void theCallerAcceptsADeferralByTheLinkWithoutSigningInAndAStrangerSeesNothingElse() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        fixtures.sign(client, PlanCode.ECONOMY, 0);
        StaffView agent = data.agent();
        fixtures.log(data.request(client, "Большая доработка", "текст"), agent, 0, 10);
        deferrals.propose(ticket.id(), Actor.staff(agent.id(), agent.fullName()));
        String token = tokenOfMail(DEFERRAL, "следующем месяце");
        String path = "/portal/answer/deferral/" + token;

        // a signed-in contact of another organization: the proposal, and nothing else of the client
        TestData.Client stranger = data.client();
        mvc.perform(get(path).session(portalLogin(stranger.login())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ticket.tid())))
                .andExpect(content().string(not(containsString("/portal/requests/" + ticket.tid()))))
                .andExpect(content()
                        .string(not(containsString(client.organization().name()))))
                .andExpect(content().string(not(containsString("Большая доработка"))))
                .andExpect(content().string(not(containsString(caller.email()))));

        Page page = open(path + "?answer=accept");
        assertThat(page.html())
                .contains(
                        ticket.tid(),
                        "Обновить форму заказа",
                        client.site().name(),
                        "id=\"deferral-accept\"",
                        "id=\"deferral-decline\"");
        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "accept"))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.DEFERRED);
        assertThat(requests.history(ticket.id()))
                .filteredOn(h -> h.field().equals("status"))
                .extracting(HistoryEntry::actor)
                .contains("Виктор Звонков");
        assertThat(open(path + "/done").html()).contains("Это предложение уже принято", "id=\"answer-password-send\"");

        mvc.perform(get(path))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Это предложение уже принято")));
        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "decline"))
                .andExpect(status().isGone());
        assertThat(requests.ticket(ticket.id()).status()).isEqualTo(Status.DEFERRED);
        mvc.perform(get("/portal/answer/deferral/" + SecretTokens.newToken()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Такой ссылки нет")));
        mvc.perform(get("/portal/deferrals/" + token)).andExpect(redirectedUrl(path));
    }

    @Test
    void theCallerRatesTheResolvedRequestByTheLinkWithoutSigningInOnceAndMayThenSetAPassword() throws Exception {
        StaffView agent = data.agent();
        desk.changeStatus(ticket.id(), Status.RESOLVED, Actor.staff(agent.id(), agent.fullName()));
        String token = tokenOfMail(RATING, "");
        String path = "/portal/answer/rating/" + token;

        Page page = open(path + "?answer=good");
        assertThat(page.html())
                .contains("Вопрос решён?", ticket.tid(), "id=\"rating-good\"")
                .doesNotContain(caller.email());
        assertThat(satisfaction.of(ticket.id()))
                .as("opening the link changes nothing")
                .isEmpty();
        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "good")
                        .param("comment", "Форма принимает телефон"))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(satisfaction.of(ticket.id())).hasValueSatisfying(r -> {
            assertThat(r.good()).isTrue();
            assertThat(r.ratedBy()).isEqualTo("Виктор Звонков");
        });

        // the same confirmation and offer as the other answer links
        Page done = open(path + "/done");
        assertThat(done.html()).contains("Спасибо, ответ получен", "id=\"answer-password-send\"");
        mvc.perform(post(path + "/password").cookie(done.session()).param("_csrf", done.csrf()))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(accounts.loginTaken(caller.email())).isTrue();
        assertThat(jdbc.queryForObject("""
                select count(*) from mail_outbox where recipient = ? and subject = 'Ваш личный кабинет техподдержки'
                """, Long.class, caller.email())).isEqualTo(1);

        // signed in, no offer; used, the link is spent; forged, it is not found, its offer too
        mvc.perform(get(path + "/done").session(portalLogin(client.login())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"answer-password-send\""))));
        mvc.perform(post(path)
                        .cookie(page.session())
                        .param("_csrf", page.csrf())
                        .param("answer", "bad"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("ссылка действует один раз")));
        assertThat(satisfaction.of(ticket.id()).orElseThrow().good()).isTrue();
        String forged = "/portal/answer/rating/" + SecretTokens.newToken();
        mvc.perform(post(forged + "/password").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(forged + "/done")).andExpect(status().isNotFound());
    }
}
