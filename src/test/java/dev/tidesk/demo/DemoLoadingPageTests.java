package dev.tidesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * While the demo loads, no page can be used: every route answers 503 with Retry-After and a page in
 * the visitor's language that reloads itself; signing in with a demo login is refused until the
 * demo exists. The style sheet still loads, so the page looks like Tidesk.
 */
class DemoLoadingPageTests extends WebTest {

    @Autowired
    DemoLoading loading;

    @AfterEach
    void loaded() {
        loading.finished();
    }

    @Test
    void everyRouteSaysTheDemoIsLoadingUntilItIsLoaded() throws Exception {
        TestData.Client client = data.client();
        String admin = context.getBean(dev.tidesk.identity.ApiTokens.class)
                .issue(accountOf(data.member(dev.tidesk.identity.Role.ADMIN).email()), "monitoring");
        loading.started();

        for (String route :
                new String[] {"/", "/desk/login", "/portal/login", "/desk", "/portal", "/desk/admin/outbox"}) {
            mvc.perform(get(route))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", String.valueOf(DemoLoadingFilter.RETRY_SECONDS)))
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andExpect(content().string(containsString("Загружаются демо-данные…")))
                    .andExpect(content()
                            .string(containsString("<meta http-equiv=\"refresh\" content=\""
                                    + DemoLoadingFilter.RETRY_SECONDS + "\">")))
                    .andExpect(content().string(containsString("/assets/css/tidesk.css")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));
        }
        // in English when asked in the address or by the language cookie
        mvc.perform(get("/desk/login").param("lang", "en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Loading the demo data…")))
                .andExpect(content().string(containsString("lang=\"en\"")));
        mvc.perform(get("/portal/login").cookie(new Cookie("tidesk-lang", "en")))
                .andExpect(content().string(containsString("Loading the demo data…")));
        // no sign-in goes through, and the API says so in its own format
        mvc.perform(post("/portal/login")
                        .param("username", client.login())
                        .param("password", TestData.PASSWORD)
                        .with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(get("/api/v1/requests/TID-1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // the page's style sheet is served
        mvc.perform(get("/assets/css/tidesk.css")).andExpect(status().isOk());
        // a load balancer sees a live node that is not ready yet
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.components.demo.status").value("OUT_OF_SERVICE"));

        loading.finished();
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.components.demo.status").value("UP"));
        mvc.perform(get("/desk/login")).andExpect(status().isOk()).andExpect(header().doesNotExist("Retry-After"));
        assertThat(portalLogin(client.login())).isNotNull();
    }
}
