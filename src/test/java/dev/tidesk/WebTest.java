package dev.tidesk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Web tests through MockMvc on the real application and a real PostgreSQL; logins go through the
 * login forms. Sessions live in PostgreSQL (Spring Session) and are found by their SESSION cookie:
 * a login returns a {@link MockHttpSession} that only carries that cookie, and every request made
 * with {@code .session(it)} sends the cookie along. Tests that need the application but no HTTP
 * extend it too: one shared context instead of a boot of their own.
 */
@Tag("integration")
@SpringBootTest
@AutoConfigureMockMvc
@Import(SessionCookies.class)
public abstract class WebTest {

    static final String COOKIE = WebTest.class.getName() + ".cookie";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ApplicationContext context;

    protected TestData data;

    @BeforeEach
    void testData() {
        data = new TestData(context);
    }

    protected MockHttpSession portalLogin(String login) throws Exception {
        return session(mvc.perform(formLogin("/portal/login").user(login).password(TestData.PASSWORD))
                .andExpect(authenticated())
                .andReturn());
    }

    protected MockHttpSession deskLogin(String login) throws Exception {
        return session(mvc.perform(formLogin("/desk/login").user(login).password(TestData.PASSWORD))
                .andExpect(authenticated())
                .andReturn());
    }

    /** The account id of a login. */
    protected long accountOf(String login) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("select id from account where lower(login) = lower(?)", Long.class, login);
    }

    private static MockHttpSession session(MvcResult login) {
        Cookie cookie = login.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new IllegalStateException("The login set no SESSION cookie");
        }
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(COOKIE, new Cookie(cookie.getName(), cookie.getValue()));
        return session;
    }
}
