package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.team.StaffView;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Вопрос решён?" through HTTP: the resolution mail's single-use links, the rating without signing in,
 * a bad rating telling the heads and the personal manager (not the agent), the rating on the request's
 * pages and in its history, and the portal's own form for signed-in contacts.
 */
class SatisfactionWebTests extends WebTest {

    static final Pattern GOOD = Pattern.compile("(/portal/answer/rating/[A-Za-z0-9_-]{43})\\?answer=good");
    static final Pattern BAD = Pattern.compile("(/portal/answer/rating/[A-Za-z0-9_-]{43})\\?answer=bad");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    RequestQueries requests;

    @Autowired
    Satisfaction satisfaction;

    @Test
    void aBadRatingByTheMailsLinkIsRecordedOnceAndTellsTheHeadAndThePersonalManager() throws Exception {
        Client client = data.client();
        StaffView manager = data.member(Role.MANAGER);
        StaffView head = data.member(Role.HEAD);
        terms.update(client.organization().id(), 0, manager.id(), 1, 8, false);
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Не уходят письма с сайта", "Форма заказа молчит");
        MockHttpSession desk = deskLogin(agent.email());
        mvc.perform(
                post("/desk/requests/" + ticket.tid() + "/take").session(desk).with(csrf()));
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/status")
                        .param("status", "RESOLVED")
                        .session(desk)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String mail = resolutionMail(ticket);
        assertThat(mail).contains("Вопрос решён?").contains("Да, решён").contains("Нет, не решён");
        String path = link(BAD, mail);
        assertThat(link(GOOD, mail)).isEqualTo(path);
        assertThat(jdbc.queryForObject(
                        "select html_body like '%answer=bad%' from mail_outbox where ticket_id = ? and event_key like 'status:%:RESOLVED:%'",
                        Boolean.class, ticket.id()))
                .isTrue();

        // the link opens without signing in, the mail's answer chosen; opening it changes nothing
        MvcResult page = mvc.perform(get(path + "?answer=bad"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Вопрос решён?")))
                .andExpect(content().string(containsString(ticket.tid())))
                .andReturn();
        assertThat(satisfaction.of(ticket.id())).isEmpty();
        Cookie session = page.getResponse().getCookie("SESSION");
        Matcher csrf = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(csrf.find()).isTrue();

        mvc.perform(post(path)
                        .cookie(session)
                        .param("_csrf", csrf.group(1))
                        .param("answer", "bad")
                        .param("comment", "Письма всё ещё не приходят"))
                .andExpect(redirectedUrl(path + "/done"));
        assertThat(satisfaction.of(ticket.id())).hasValueSatisfying(r -> {
            assertThat(r.good()).isFalse();
            assertThat(r.comment()).isEqualTo("Письма всё ещё не приходят");
            assertThat(r.ratedBy()).isEqualTo(client.contact().fullName());
        });
        mvc.perform(get(path + "/done").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("вопрос не решён")));

        // single use
        mvc.perform(post(path).cookie(session).param("_csrf", csrf.group(1)).param("answer", "good"))
                .andExpect(status().isGone());
        mvc.perform(get(path + "?answer=good"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("ссылка действует один раз")));
        assertThat(satisfaction.of(ticket.id()).orElseThrow().good()).isFalse();

        // the head and the personal manager hear, the agent who resolved it does not
        assertThat(badRatingNotices(head)).isEqualTo(1);
        assertThat(badRatingNotices(manager)).isEqualTo(1);
        assertThat(badRatingNotices(agent)).isZero();
        mvc.perform(get("/desk/notifications").session(deskLogin(head.email())))
                .andExpect(content().string(containsString("вопрос не решён")))
                .andExpect(content().string(containsString("Письма всё ещё не приходят")));

        // the rating shows on the request, in the workspace and the portal, and in the history
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(desk))
                .andExpect(content().string(containsString("id=\"rating-grade\"")))
                .andExpect(content().string(containsString("Вопрос не решён")))
                .andExpect(content().string(containsString("Письма всё ещё не приходят")))
                .andExpect(content().string(containsString("оценка клиента: Вопрос не решён")));
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(portalLogin(client.login())))
                .andExpect(content().string(containsString("Ваша оценка")))
                .andExpect(content().string(containsString("Вопрос не решён")));
    }

    @Test
    void aForgedLinkIsNotFound() throws Exception {
        mvc.perform(get("/portal/answer/rating/" + "A".repeat(43) + "?answer=good"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Такой ссылки нет")));
    }

    @Test
    void aSignedInContactRatesTheResolvedRequestOnItsPageButNotAnOpenOneNorAnotherOrganizations() throws Exception {
        Client client = data.client();
        Client other = data.client();
        StaffView head = data.member(Role.HEAD);
        TicketView ticket = data.request(client, "Добавить баннер", "На главную");
        MockHttpSession portal = portalLogin(client.login());

        // not resolved yet: no form, and a post is refused with a message
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(portal))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"rating-good\""))));
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/rating")
                        .param("answer", "good")
                        .session(portal)
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Оценить можно только решённое обращение."));
        assertThat(satisfaction.of(ticket.id())).isEmpty();

        mvc.perform(post("/desk/requests/" + ticket.tid() + "/status")
                .param("status", "RESOLVED")
                .session(deskLogin(data.agent().email()))
                .with(csrf()));
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(portal))
                .andExpect(content().string(containsString("id=\"rating-good\"")));
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/rating")
                        .param("answer", "good")
                        .session(portalLogin(other.login()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/rating")
                        .param("answer", "good")
                        .param("comment", "Спасибо, быстро")
                        .session(portal)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/requests/" + ticket.tid() + "#rating"));
        assertThat(satisfaction.of(ticket.id()).orElseThrow().good()).isTrue();
        assertThat(requests.history(ticket.id()))
                .anySatisfy(h -> assertThat(h.field() + ":" + h.toValue()).isEqualTo("rating:GOOD"));
        assertThat(badRatingNotices(head)).as("a good rating tells nobody").isZero();
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(portal))
                .andExpect(content().string(containsString("Вопрос решён")))
                .andExpect(content().string(containsString("Спасибо, быстро")));
    }

    private long badRatingNotices(StaffView who) {
        return jdbc.queryForObject(
                "select count(*) from notification where recipient_id = ? and kind = 'BAD_RATING'",
                Long.class,
                who.id());
    }

    private String resolutionMail(TicketView ticket) {
        List<String> bodies = jdbc.queryForList(
                "select text_body from mail_outbox where ticket_id = ? and event_key like 'status:%:RESOLVED:%' order by id",
                String.class, ticket.id());
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private static String link(Pattern pattern, String mail) {
        Matcher m = pattern.matcher(mail);
        assertThat(m.find()).as("link in %s", mail).isTrue();
        return m.group(1);
    }
}
