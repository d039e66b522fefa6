package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.MailboxSettings;
import dev.tidesk.mail.MailboxView;
import dev.tidesk.mail.Mailboxes;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Issue 13, point 9: the mailbox form is no port scanner. Only admins manage mailboxes, only IMAP
 * ports are accepted from the form, a check runs in the background so no page waits for a server,
 * and what went wrong is said in words, without exception texts.
 */
class MailboxSafetyTests extends WebTest {

    @Autowired
    Mailboxes mailboxes;

    @Test
    void onlyAnAdminSeesOrChangesMailboxes() throws Exception {
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(get("/desk/admin/mail/mailboxes").session(head)).andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/mail/mailboxes")
                        .session(head)
                        .with(csrf())
                        .param("name", "head-box")
                        .param("host", "127.0.0.1")
                        .param("port", "993")
                        .param("username", "u")
                        .param("password", "p")
                        .param("pollSeconds", "60"))
                .andExpect(status().isForbidden());
        assertThat(mailboxes.all()).noneMatch(b -> b.name().equals("head-box"));
    }

    @Test
    void theFormTakesImapPortsOnly() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        for (String port : new String[] {"22", "5432", "6379", "8080"}) {
            String name = "scan-" + port + "-" + System.nanoTime();
            mvc.perform(post("/desk/admin/mail/mailboxes")
                            .session(admin)
                            .with(csrf())
                            .param("name", name)
                            .param("host", "127.0.0.1")
                            .param("port", port)
                            .param("username", "u")
                            .param("password", "p")
                            .param("folder", "INBOX")
                            .param("pollSeconds", "60")
                            .param("tls", "false")
                            .param("enabled", "true"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(containsString("Порт " + port + " не порт IMAP")));
            assertThat(mailboxes.all()).noneMatch(b -> b.name().equals(name));
        }
        String ok = "imap-" + System.nanoTime();
        mvc.perform(post("/desk/admin/mail/mailboxes")
                        .session(admin)
                        .with(csrf())
                        .param("name", ok)
                        .param("host", "imap.example")
                        .param("port", "143")
                        .param("username", "u")
                        .param("password", "p")
                        .param("folder", "INBOX")
                        .param("pollSeconds", "60")
                        .param("tls", "false")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(mailboxes.all()).anyMatch(b -> b.name().equals(ok));
    }

    @Test
    void aCheckNeverHoldsThePageAndItsErrorIsWordsWithoutInternals() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0);
                ServerSocket closed = new ServerSocket(0)) {
            int closedPort = closed.getLocalPort();
            closed.close();
            // a server that accepts and then says nothing: a check of it would hang for the read timeout
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception done) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MailboxView hanging = mailboxes.add(new MailboxSettings(
                    "silent-" + System.nanoTime(),
                    "127.0.0.1",
                    silent.getLocalPort(),
                    false,
                    "u",
                    "p",
                    "INBOX",
                    null,
                    3600,
                    false));
            MailboxView refusing = mailboxes.add(new MailboxSettings(
                    "closed-" + System.nanoTime(),
                    "127.0.0.1",
                    closedPort,
                    false,
                    "u",
                    "p",
                    "INBOX",
                    null,
                    3600,
                    false));

            mvc.perform(post("/desk/admin/mail/mailboxes/" + hanging.id() + "/poll")
                            .session(admin)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(mailboxes.mailbox(hanging.id()).lastPollAt())
                    .as("the page came back before the check ended")
                    .isNull();

            mvc.perform(post("/desk/admin/mail/mailboxes/" + refusing.id() + "/poll")
                            .session(admin)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> mailboxes.mailbox(refusing.id()).lastPollAt() != null);
            assertThat(mailboxes.mailbox(refusing.id()).errorWord()).isEqualTo("refused");
            mvc.perform(get("/desk/admin/mail/mailboxes").session(admin))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Сервер не принял соединение на этом порту")))
                    .andExpect(content().string(not(containsString("Exception"))))
                    .andExpect(content().string(not(containsString("Connection refused"))));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
