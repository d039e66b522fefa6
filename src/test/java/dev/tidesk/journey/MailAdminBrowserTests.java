package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.team.StaffView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin reads an HTML mail in Chromium: no script runs, remote images wait for a click, the cid image
 * shows; mail that failed for good is counted in the admin menu.
 */
@ExtendWith(BrowserExtension.class)
class MailAdminBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    MailIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @Test
    void anAdminReadsAnHtmlMailSafely() throws Exception {
        byte[] raw = MailAdminBrowserTests.class
                .getResourceAsStream("/eml/outlook-cp1251-alternative.eml")
                .readAllBytes();
        raw = new String(raw, StandardCharsets.ISO_8859_1)
                .replace("<outlook-1@", "<outlook-b" + System.nanoTime() + "@")
                .getBytes(StandardCharsets.ISO_8859_1);
        InboundView view = intake.receive("browser", raw);
        StaffView admin = data.member(Role.ADMIN);
        Browser.signIn(browser, "http://localhost:" + port + "/desk/login", admin.email());

        browser.get("http://localhost:" + port + "/desk/admin/mail");
        Browser.screenshot(browser, "mail-inbound-list");
        browser.get("http://localhost:" + port + "/desk/admin/mail/inbound/" + view.id());
        assertThat(browser.findElement(By.cssSelector(".mail-html b")).getText())
                .isEqualTo("windows-1251");
        assertThat(browser.findElements(By.cssSelector(".mail-html script"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".mail-html img.blocked-image"))
                        .getAttribute("src"))
                .isNull();
        Browser.screenshot(browser, "mail-inbound-message");
        browser.get("http://localhost:" + port + "/desk/admin/mail/mailboxes");
        Browser.screenshot(browser, "mail-mailboxes");

        // the acknowledgement of that mail fails for good: the admin menu says how many failed
        jdbc.update(
                "update mail_outbox set status = 'FAILED', last_error = '550 5.1.1 no such mailbox' where ticket_id = ?",
                view.ticketId());
        long failed = jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Long.class);
        assertThat(failed).isPositive();
        browser.get("http://localhost:" + port + "/desk");
        browser.findElement(By.cssSelector("details.navmenu summary")).click();
        assertThat(browser.findElement(By.id("outbox-failed")).getText()).isEqualTo(Long.toString(failed));
        Browser.screenshot(browser, "desk-admin-menu-failed-mail");

        // the outbox lists that mail with the server's words, read without the mails' bodies
        browser.findElement(By.id("outbox-failed")).click();
        assertThat(browser.findElements(By.cssSelector(".outbox-row .mail-failure")))
                .anySatisfy(e -> assertThat(e.getText()).contains("550 5.1.1 no such mailbox"));
        Browser.screenshot(browser, "mail-outbox");
    }
}
