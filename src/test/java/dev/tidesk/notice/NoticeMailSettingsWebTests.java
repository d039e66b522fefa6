package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.WebTest;
import dev.tidesk.identity.Accounts;
import dev.tidesk.team.StaffView;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The account page's choice of notices by e-mail: off by default, per kind, with the mail's language. */
class NoticeMailSettingsWebTests extends WebTest {

    @Autowired
    Notices notices;

    @Autowired
    Accounts accounts;

    @Test
    void aPersonChoosesKindsAndLanguageOnTheAccountPage() throws Exception {
        StaffView agent = data.agent();
        MockHttpSession session = deskLogin(agent.email());
        mvc.perform(get("/desk/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Уведомления по почте")))
                .andExpect(content().string(containsString("id=\"notice-mail-CLIENT_REPLIED\"")))
                .andExpect(content().string(not(containsString("checked"))));
        assertThat(notices.mailedKinds(agent.id())).isEmpty();

        mvc.perform(post("/desk/account/notice-mail")
                        .param("kinds", "CLIENT_REPLIED", "BAD_RATING", "NO_SUCH_KIND")
                        .param("language", "en")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/account#notice-mail"));
        assertThat(notices.mailedKinds(agent.id()))
                .isEqualTo(EnumSet.of(NoticeKind.CLIENT_REPLIED, NoticeKind.BAD_RATING));
        assertThat(accounts.language(accountOf(agent.email()))).isEqualTo("en");
        mvc.perform(get("/desk/account").session(session))
                .andExpect(content().string(containsString("value=\"en\" selected")));

        // unticking all stops the mail
        mvc.perform(post("/desk/account/notice-mail")
                        .param("language", "ru")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/account#notice-mail"));
        assertThat(notices.mailedKinds(agent.id())).isEmpty();
        assertThat(accounts.language(accountOf(agent.email()))).isEqualTo("ru");
    }
}
