package dev.tidesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.team.StaffView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * "Forgot password" through the real pages and the outbox: a link that works once and for an
 * hour, the same answer for known and unknown addresses, at most three links an hour.
 */
class PasswordResetWebTests extends WebTest {

    private static final Pattern LINK = Pattern.compile("(/(portal|desk)/password/reset\\?token=([A-Za-z0-9_-]+))");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordResets resets;

    @Test
    void aContactSetsANewPasswordWithTheLinkFromTheMailOnce() throws Exception {
        Client client = data.client();
        mvc.perform(post("/portal/password/forgot")
                        .with(csrf())
                        .param("username", client.login().toUpperCase()))
                .andExpect(redirectedUrl("/portal/login"))
                .andExpect(
                        flash().attribute("flash", containsString(client.login().toUpperCase())));

        Matcher link = linkIn(lastMailTo(client.login()));
        assertThat(link.group(2)).isEqualTo("portal");
        String token = link.group(3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from password_reset where token_hash = ?", Integer.class, token))
                .as("the secret itself is never stored")
                .isZero();

        mvc.perform(get(link.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(client.login())))
                .andExpect(content().string(containsString("name=\"token\"")));
        mvc.perform(post("/portal/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "новый-пароль-1")
                        .param("confirmation", "другой-пароль-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Пароли не совпадают")));
        mvc.perform(post("/portal/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "новый-пароль-1")
                        .param("confirmation", "новый-пароль-1"))
                .andExpect(redirectedUrl("/portal/login"));

        mvc.perform(formLogin("/portal/login").user(client.login()).password("новый-пароль-1"))
                .andExpect(authenticated());
        mvc.perform(formLogin("/portal/login").user(client.login()).password(TestData.PASSWORD))
                .andExpect(unauthenticated());
        // spent: the page says so and offers a new link, and posting it changes nothing
        mvc.perform(get(link.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reset-invalid\"")));
        mvc.perform(post("/portal/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "третий-пароль-1")
                        .param("confirmation", "третий-пароль-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("больше не действует")));
        mvc.perform(formLogin("/portal/login").user(client.login()).password("новый-пароль-1"))
                .andExpect(authenticated());
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String nobody = "nobody" + System.nanoTime() + "@nowhere.example";
        mvc.perform(post("/desk/password/forgot").with(csrf()).param("username", nobody))
                .andExpect(redirectedUrl("/desk/login"))
                .andExpect(flash().attribute("flash", containsString(nobody)));
        assertThat(mailsTo(nobody)).isZero();
    }

    @Test
    void staffGetTheWorkspacesLinkAndAThrottledLoginIsFreedByIt() throws Exception {
        StaffView agent = data.agent();
        // guessing from elsewhere makes browsers that never signed in as the agent wait...
        for (int i = 0; i < 6; i++) {
            int n = i;
            mvc.perform(post("/desk/login")
                            .param("username", agent.email())
                            .param("password", "wrong-password")
                            .with(csrf())
                            .with(r -> {
                                r.setRemoteAddr("10.77." + (System.nanoTime() % 200) + "." + (n + 1));
                                return r;
                            }))
                    .andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/desk/login").user(agent.email()).password(TestData.PASSWORD))
                .andExpect(unauthenticated());

        mvc.perform(post("/desk/password/forgot").with(csrf()).param("username", agent.email()));
        Matcher link = linkIn(lastMailTo(agent.email()));
        assertThat(link.group(2)).isEqualTo("desk");
        // the link is the account's, whichever area's page it is posted from
        mvc.perform(post("/portal/password/reset")
                        .with(csrf())
                        .param("token", link.group(3))
                        .param("password", "agent-new-pass")
                        .param("confirmation", "agent-new-pass"))
                .andExpect(redirectedUrl("/desk/login"));
        mvc.perform(formLogin("/desk/login").user(agent.email()).password("agent-new-pass"))
                .andExpect(authenticated());
    }

    @Test
    void aLinkExpiresAfterAnHourAndAnAccountGetsAtMostThreeAnHour() {
        Client client = data.client();
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            boolean sent = resets.request(client.login(), now.plusSeconds(i));
            assertThat(sent).as("request %d", i + 1).isEqualTo(i < PasswordResets.PER_HOUR);
        }
        assertThat(mailsTo(client.login())).isEqualTo(PasswordResets.PER_HOUR);
        assertThat(resets.request(client.login(), now.plus(Duration.ofMinutes(61))))
                .isTrue();

        String token = linkIn(lastMailTo(client.login())).group(3);
        Instant sentAt = now.plus(Duration.ofMinutes(61));
        assertThat(resets.link(token, sentAt.plus(Duration.ofMinutes(59)))).isPresent();
        assertThat(resets.link(token, sentAt.plus(Duration.ofMinutes(61)))).isEmpty();
        assertThatThrownBy(() -> resets.complete(token, "late-password", sentAt.plus(Duration.ofMinutes(61))))
                .hasMessageContaining("not valid");
        assertThatThrownBy(() -> resets.complete("made-up-token", "some-password", sentAt))
                .hasMessageContaining("not valid");
        assertThatThrownBy(() -> resets.complete(token, "short", sentAt)).hasMessageContaining("8 characters");
        // using the newest link spends the older open ones too
        String older = linkIn(mailsBody(client.login()).get(0)).group(3);
        resets.complete(token, "fresh-password", sentAt);
        assertThat(resets.link(older, now.plusSeconds(10))).isEmpty();
    }

    @Test
    void anAdminInvitesAContactWhoChoosesTheFirstPasswordWithinAWeek() throws Exception {
        Client client = data.client();
        Customers customers = context.getBean(Customers.class);
        String email = "new" + System.nanoTime() + "@" + client.organization().emailDomain();
        ContactView contact =
                customers.createContact(client.organization().id(), "Вера Новикова", email, null, "ru", null);
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());

        // another organization's address for the contact: not found, nothing opened
        Client other = data.client();
        mvc.perform(post("/desk/admin/organizations/" + other.organization().id() + "/contacts/" + contact.id()
                                + "/invite")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(mailsTo(email)).isZero();

        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/contacts/" + contact.id()
                                + "/invite")
                        .session(admin)
                        .with(csrf()))
                .andExpect(flash().attribute("flash", containsString(email)));
        String mail = lastMailTo(email);
        assertThat(mail).contains("открыла для вас личный кабинет", email);
        String token = linkIn(mail).group(3);
        Instant now = Instant.now();
        assertThat(resets.link(token, now.plus(Duration.ofDays(6)))).isPresent();
        assertThat(resets.link(token, now.plus(Duration.ofDays(8)))).isEmpty();
        // nobody knows the password it was opened with
        mvc.perform(formLogin("/portal/login").user(email).password(TestData.PASSWORD))
                .andExpect(unauthenticated());
        // the client's page says "invited" until the contact has chosen a password
        String clientPage = "/desk/admin/organizations/" + client.organization().id();
        mvc.perform(get(clientPage).session(admin))
                .andExpect(content().string(containsString("id=\"invited-" + contact.id() + "\"")));

        mvc.perform(post("/portal/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "первый-пароль")
                        .param("confirmation", "первый-пароль"))
                .andExpect(redirectedUrl("/portal/login"));
        mvc.perform(formLogin("/portal/login").user(email).password("первый-пароль"))
                .andExpect(authenticated());
        mvc.perform(get(clientPage).session(admin))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(containsString("id=\"invited-" + contact.id() + "\""))));

        // the second time the contact has a login: the same button sends a reset link instead
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/contacts/" + contact.id()
                        + "/invite")
                .session(admin)
                .with(csrf()));
        assertThat(lastMailTo(email)).contains("запросил новый пароль");
        assertThat(mailsTo(email)).isEqualTo(2);
    }

    @Test
    void aContactAddedWithTheInviteBoxTickedGetsTheInvitationAndWithoutItNoLogin() throws Exception {
        Client client = data.client();
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        String invited = "box" + System.nanoTime() + "@" + client.organization().emailDomain();
        String plain = "nobox" + System.nanoTime() + "@" + client.organization().emailDomain();
        String page = "/desk/admin/organizations/" + client.organization().id();

        mvc.perform(post(page + "/contacts")
                        .session(admin)
                        .with(csrf())
                        .param("fullName", "Ольга Приглашённая")
                        .param("email", invited)
                        .param("invite", "true"))
                .andExpect(flash().attribute("flash", containsString("приглашён")));
        mvc.perform(post(page + "/contacts")
                        .session(admin)
                        .with(csrf())
                        .param("fullName", "Олег Без Входа")
                        .param("email", plain))
                .andExpect(status().is3xxRedirection());

        assertThat(lastMailTo(invited)).contains("открыла для вас личный кабинет");
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where lower(login) = lower(?)", Integer.class, invited))
                .isEqualTo(1);
        assertThat(mailsTo(plain)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where lower(login) = lower(?)", Integer.class, plain))
                .isZero();
    }

    @Test
    void settingThePasswordByLinkSignsOutEverySessionOfTheAccount() throws Exception {
        Client client = data.client();
        MockHttpSession elsewhere = portalLogin(client.login());
        mvc.perform(get("/portal").session(elsewhere)).andExpect(status().isOk());

        resets.request(client.login(), Instant.now());
        resets.complete(linkIn(lastMailTo(client.login())).group(3), "after-the-reset", Instant.now());

        mvc.perform(get("/portal").session(elsewhere)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(formLogin("/portal/login").user(client.login()).password("after-the-reset"))
                .andExpect(authenticated());
    }

    @Test
    void aColleagueAddedWithoutAPasswordIsInvitedToTheWorkspace() throws Exception {
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        String email = "colleague" + System.nanoTime() + "@tidesk.example";
        mvc.perform(post("/desk/admin/staff")
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Пётр Новенький")
                        .param("email", email)
                        .param("role", "AGENT")
                        .param("password", ""))
                .andExpect(flash().attribute("flash", containsString(email)));

        String mail = lastMailTo(email);
        assertThat(mail).contains("рабочему месту техподдержки");
        Matcher link = linkIn(mail);
        assertThat(link.group(2)).isEqualTo("desk");
        mvc.perform(post("/desk/password/reset")
                        .with(csrf())
                        .param("token", link.group(3))
                        .param("password", "colleague-pass")
                        .param("confirmation", "colleague-pass"))
                .andExpect(redirectedUrl("/desk/login"));
        mvc.perform(formLogin("/desk/login").user(email).password("colleague-pass"))
                .andExpect(authenticated());
    }

    @Test
    void bothFormsNeedTheCsrfToken() throws Exception {
        Client client = data.client();
        mvc.perform(post("/portal/password/forgot").param("username", client.login()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/password/reset")
                        .param("token", "x")
                        .param("password", "abcdefgh")
                        .param("confirmation", "abcdefgh"))
                .andExpect(status().isForbidden());
        assertThat(mailsTo(client.login())).isZero();
    }

    private int mailsTo(String address) {
        return jdbc.queryForObject(
                "select count(*) from mail_outbox where lower(recipient) = lower(?) and event_key like 'password-reset:%'",
                Integer.class, address);
    }

    private List<String> mailsBody(String address) {
        return jdbc.queryForList(
                "select text_body from mail_outbox where lower(recipient) = lower(?)"
                        + " and event_key like 'password-reset:%' order by id",
                String.class, address);
    }

    private String lastMailTo(String address) {
        List<String> bodies = mailsBody(address);
        assertThat(bodies).isNotEmpty();
        return bodies.get(bodies.size() - 1);
    }

    private static Matcher linkIn(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a reset link in %s", body).isTrue();
        return m;
    }
}
