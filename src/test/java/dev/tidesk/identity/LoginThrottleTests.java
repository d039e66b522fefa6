package dev.tidesk.identity;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;

import org.junit.jupiter.api.Test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

class LoginThrottleTests extends WebTest {

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String login = data.client().login();
        for (int i = 0; i < Account.MAX_FAILED_LOGINS; i++) {
            mvc.perform(formLogin("/portal/login").user(login).password("wrong")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/portal/login").user(login).password(TestData.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void aSuccessResetsTheCounter() throws Exception {
        String login = data.client().login();
        for (int i = 0; i < Account.MAX_FAILED_LOGINS - 1; i++) {
            mvc.perform(formLogin("/portal/login").user(login).password("wrong")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/portal/login").user(login).password(TestData.PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin("/portal/login").user(login).password("wrong")).andExpect(unauthenticated());
        mvc.perform(formLogin("/portal/login").user(login).password(TestData.PASSWORD)).andExpect(authenticated());
    }
}
