package dev.tidesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 13, point 2: throttling slows guessing per client address and per login, and can't be turned
 * into a lock-out of the owner. Each test signs in from addresses of its own (the shared context's
 * limits: 30 failures a minute per address, 5 per login from unknown browsers).
 */
class LoginThrottleTests extends WebTest {

    private static final AtomicInteger NET = new AtomicInteger(1);

    @Autowired
    ThrottleSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void guessingFromManyAddressesNeverKeepsTheOwnersBrowserOut() throws Exception {
        String login = data.client().login();
        String home = address();
        Cookie device = attempt(login, TestData.PASSWORD, home, null)
                .andExpect(authenticated())
                .andReturn()
                .getResponse()
                .getCookie(DeviceCookies.NAME);
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();

        // a botnet: a few wrong passwords from each of many addresses, each far under its address limit
        for (int i = 0; i < settings.loginPerWindow() + 3; i++) {
            attempt(login, "wrong-" + i, address(), null).andExpect(unauthenticated());
        }
        // a browser that never signed in as this login now waits...
        attempt(login, TestData.PASSWORD, address(), null)
                .andExpect(redirectedUrlPattern("/portal/login?throttled=*"))
                .andExpect(unauthenticated());
        // ...but the owner's browser signs in with the right password, from anywhere, at once
        attempt(login, TestData.PASSWORD, address(), device).andExpect(authenticated());
        attempt(login, TestData.PASSWORD, home, device).andExpect(authenticated());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where action = 'SIGN_IN_THROTTLED' and target = ?",
                        Long.class,
                        login))
                .as("the last three guesses and the stranger's try")
                .isEqualTo(4);
    }

    @Test
    void oneAddressSprayingPasswordsOverManyLoginsIsSlowedDownAndOnlyThatAddress() throws Exception {
        String sprayer = address();
        String known = data.client().login();
        String victim = data.client().login();
        int refused = 0;
        for (int i = 0; i < settings.addressPerMinute() + 10; i++) {
            String login = i % 5 == 0 ? known : "nobody" + System.nanoTime() + "@client.example";
            if (spray(login, sprayer)) {
                refused++;
            }
        }
        // the bucket refills one try every two seconds, so the exact count depends on the pace here
        assertThat(refused).isPositive();
        // right after a refusal, even the right password of another login waits at that address
        boolean victimHeldBack = false;
        for (int round = 0; round < 3 && !victimHeldBack; round++) {
            while (!spray("nobody" + System.nanoTime() + "@client.example", sprayer)) {
                // until the address is refused again
            }
            String location = attempt(victim, TestData.PASSWORD, sprayer, null)
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            victimHeldBack = location.contains("throttled");
        }
        assertThat(victimHeldBack).isTrue();
        // while another address signs in as usual
        attempt(victim, TestData.PASSWORD, address(), null).andExpect(authenticated());
    }

    /** A wrong password from {@code address}; whether the attempt was refused before being checked. */
    private boolean spray(String login, String address) throws Exception {
        String location = attempt(login, "Summer2026!", address, null)
                .andExpect(unauthenticated())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.contains("throttled");
    }

    @Test
    void unknownAndKnownLoginsGetTheSameAnswers() throws Exception {
        String known = data.client().login();
        String unknown = "ghost" + System.nanoTime() + "@client.example";
        for (String login : new String[] {known, unknown}) {
            attempt(login, "wrong", address(), null).andExpect(redirectedUrl("/portal/login?error"));
        }
        for (int i = 0; i < settings.loginPerWindow(); i++) {
            attempt(known, "wrong", address(), null);
            attempt(unknown, "wrong", address(), null);
        }
        for (String login : new String[] {known, unknown}) {
            attempt(login, "wrong", address(), null).andExpect(redirectedUrlPattern("/portal/login?throttled=*"));
        }
    }

    @Test
    void aWrongPasswordLocksNothingAndTheRightOneStillWorks() throws Exception {
        String login = data.client().login();
        String address = address();
        for (int i = 0; i < settings.loginPerWindow() - 1; i++) {
            attempt(login, "wrong", address, null).andExpect(unauthenticated());
        }
        attempt(login, TestData.PASSWORD, address, null).andExpect(authenticated());
    }

    private ResultActions attempt(String login, String password, String address, Cookie device) throws Exception {
        MockHttpServletRequestBuilder post = post("/portal/login")
                .param("username", login)
                .param("password", password)
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        if (device != null) {
            post.cookie(device);
        }
        return mvc.perform(post);
    }

    private static String address() {
        int n = NET.incrementAndGet();
        return "10.13." + (n / 250) + "." + (n % 250 + 1);
    }
}
