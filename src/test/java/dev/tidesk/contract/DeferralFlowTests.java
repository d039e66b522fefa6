package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.deferral.DeferralStatus;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.SecretTokens;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.Queue;
import dev.tidesk.ticket.QueueSort;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Load levelling end to end: propose → e-mail with links → accept in the portal → DEFERRED → the
 * 1st of next month → back in the queue ahead of newer requests; a reused, a forged and an
 * expired link change nothing.
 */
class DeferralFlowTests extends WebTest {

    static final Pattern LINK = Pattern.compile("/portal/answer/deferral/([A-Za-z0-9_-]{43})\\?answer=accept");

    @Autowired
    Deferrals deferrals;

    @Autowired
    Outbox outbox;

    @Autowired
    RequestQueries requests;

    @Autowired
    WorkLog workLog;

    ContractFixtures fixtures;
    TestData.Client client;
    StaffView agent;
    MockHttpSession desk;

    @BeforeEach
    void aClientWhoseHoursAreUsedUp() throws Exception {
        fixtures = new ContractFixtures(context);
        client = data.client();
        agent = data.agent();
        fixtures.sign(client, PlanCode.ECONOMY, 0);
        TicketView big = data.request(client, "Большая доработка", "текст");
        fixtures.log(big, agent, 0, 10);
        desk = deskLogin(agent.email());
    }

    String propose(TicketView t) throws Exception {
        mvc.perform(post("/desk/requests/" + t.tid() + "/deferral")
                        .session(desk)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<OutboxView> mails = outbox.ofRequest(t.id()).stream()
                .filter(m -> m.subject().contains("следующем месяце"))
                .toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).recipient()).isEqualTo(client.contact().email());
        assertThat(mails.get(0).htmlBody()).contains("answer=decline");
        // the outbox shows the link masked; the mail as stored for sending carries it
        assertThat(mails.get(0).textBody()).doesNotContainPattern(LINK);
        String text = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject(
                        "select text_body from mail_outbox where id = ?",
                        String.class,
                        mails.get(0).id());
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("accept link in %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void proposeMailAcceptInThePortalDeferredAndBackFirstOnTheFirst() throws Exception {
        TicketView t = data.request(client, "Не срочно: поменять шрифт", "текст");
        assertThat(deferrals.canPropose(t)).isTrue();
        String token = propose(t);
        assertThat(deferrals.canPropose(requests.ticket(t.id())))
                .as("one open proposal at a time")
                .isFalse();

        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/portal/contract").session(portal))
                .andExpect(content().string(Matchers.containsString(t.tid())));
        mvc.perform(get("/portal/answer/deferral/" + token)
                        .param("answer", "accept")
                        .session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("deferral-accept")));
        // another organization's contact sees what the link is about, and nothing else of the client's
        mvc.perform(get("/portal/answer/deferral/" + token)
                        .session(portalLogin(data.client().login())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/portal/requests/" + t.tid()))))
                .andExpect(content()
                        .string(Matchers.not(
                                Matchers.containsString(client.organization().name()))));
        mvc.perform(post("/portal/answer/deferral/" + token)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "accept"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/portal/requests/" + t.tid()));
        assertThat(requests.ticket(t.id()).status()).isEqualTo(Status.DEFERRED);

        // reused link: a clear error, nothing changes
        mvc.perform(post("/portal/answer/deferral/" + token)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "decline"))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("ссылка действует один раз")));
        assertThat(requests.ticket(t.id()).status()).isEqualTo(Status.DEFERRED);
        // forged link
        mvc.perform(post("/portal/answer/deferral/" + SecretTokens.newToken())
                        .session(portal)
                        .with(csrf())
                        .param("answer", "accept"))
                .andExpect(status().isNotFound());

        TicketView newer = data.request(data.client(), "Новее, та же срочность", "текст");
        YearMonth next = YearMonth.from(workLog.today()).plusMonths(1);
        assertThat(deferrals.returnDue(next.atDay(1).minusDays(1)))
                .as("not before the 1st")
                .isZero();
        assertThat(deferrals.returnDue(next.atDay(1))).isGreaterThanOrEqualTo(1);
        assertThat(deferrals.returnDue(next.atDay(1))).as("idempotent").isZero();
        assertThat(requests.ticket(t.id()).status()).isEqualTo(Status.OPEN);

        List<Long> queue = requests.queue(Queue.OPEN, null, QueueSort.URGENCY, 0, 100000).getContent().stream()
                .map(TicketView::id)
                .toList();
        assertThat(queue.indexOf(t.id())).isNotNegative().isLessThan(queue.indexOf(newer.id()));

        List<String> steps = requests.history(t.id()).stream()
                .filter(h -> h.field().equals("deferral") || h.field().equals("status"))
                .map(h -> h.field() + ":" + h.toValue().split(" ")[0])
                .toList();
        assertThat(steps)
                .containsSubsequence(
                        "deferral:PROPOSED",
                        "status:DEFERRED",
                        "deferral:ACCEPTED",
                        "status:OPEN",
                        "deferral:RETURNED");
    }

    @Test
    void anExpiredLinkChangesNothing() throws Exception {
        TicketView t = data.request(client, "Подождёт", "текст");
        String token = propose(t);
        Actor contact = Actor.contact(client.contact().id(), client.contact().fullName());
        Instant later = Instant.now().plus(Duration.ofDays(8));
        assertThatThrownBy(() -> deferrals.answerByToken(
                        token, true, client.organization().id(), contact, later))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("expired");
        assertThat(requests.ticket(t.id()).status()).isNotEqualTo(Status.DEFERRED);
        assertThat(deferrals.ofTicket(t.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeferralStatus.PROPOSED));
    }

    @Test
    void aDeclinedProposalLeavesTheRequestInTheQueue() throws Exception {
        TicketView t = data.request(client, "Нужно сейчас", "текст");
        propose(t);
        long id = deferrals.ofTicket(t.id()).get(0).id();
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/portal/deferrals/id/" + id)
                        .session(portal)
                        .with(csrf())
                        .param("answer", "decline"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.ticket(t.id()).status()).isNotEqualTo(Status.DEFERRED);
        assertThat(requests.history(t.id())).extracting(HistoryEntry::toValue).contains("DECLINED");
    }

    @Test
    void nothingToProposeWhileHoursAreLeftOrForAnUrgentRequest() throws Exception {
        TestData.Client roomy = data.client();
        fixtures.sign(roomy, PlanCode.PREMIUM, 0);
        TicketView t = data.request(roomy, "Есть часы", "текст");
        assertThat(deferrals.canPropose(t)).isFalse();
        mvc.perform(post("/desk/requests/" + t.tid() + "/deferral")
                        .session(desk)
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + t.tid()))
                .andExpect(status().is3xxRedirection());
        assertThat(deferrals.ofTicket(t.id())).isEmpty();

        TicketView urgent = data.request(client, "Сайт лежит", "текст");
        new dev.tidesk.ticket.RequestDesk[] {context.getBean(dev.tidesk.ticket.RequestDesk.class)}
                [0].changeUrgency(urgent.id(), dev.tidesk.ticket.Urgency.CRITICAL, Actor.system());
        assertThat(deferrals.canPropose(requests.ticket(urgent.id()))).isFalse();
    }
}
