package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.outbound.OutboxSender;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A contact who forgot the password: "Забыли пароль?" on the sign-in page, the link from the mail
 * (sent over real SMTP), a new password, and in with it. And a contact an admin invites from the
 * client page, who chooses the first password the same way.
 */
@ExtendWith(BrowserExtension.class)
class PasswordResetBrowserTests extends MailTest {

    private static final Pattern LINK =
            Pattern.compile("https?://[^\\s\"<>]+/portal/password/reset\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Autowired
    OutboxSender sender;

    @Autowired
    Customers customers;

    ChromeDriver browser;

    @Test
    void aContactWhoForgotThePasswordSetsANewOneFromTheMail() throws Exception {
        Client client = data.client();
        browser.get(url("/portal/login"));
        Browser.clickAndWait(browser, By.id("forgot-link"));
        browser.findElement(By.id("username")).sendKeys(client.login());
        Browser.screenshot(browser, "password-forgot");
        Browser.clickAndWait(browser, By.id("forgot-submit"));
        assertThat(browser.getCurrentUrl()).endsWith("/portal/login");
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains(client.login());
        Browser.screenshot(browser, "password-link-sent");

        choosePasswordFromTheMail(client.login(), "Новый пароль", "весна-2027-пароль", "password-reset");

        browser.findElement(By.id("username")).sendKeys(client.login());
        browser.findElement(By.id("password")).sendKeys("весна-2027-пароль");
        Browser.clickAndWait(browser, By.id("login-submit"));
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
    }

    @Test
    void anAdminInvitesAContactWhoChoosesTheFirstPassword() throws Exception {
        Client client = data.client();
        String email =
                "invited" + System.nanoTime() + "@" + client.organization().emailDomain();
        ContactView contact = customers.createContact(
                client.organization().id(), "Вера Приглашённая", email, null, "ru", "бухгалтер");

        Browser.signIn(browser, url("/desk/login"), data.member(Role.ADMIN).email());
        browser.get(url("/desk/admin/organizations/" + client.organization().id()));
        Browser.screenshot(browser, "admin-client-invite");
        browser.executeScript("document.getElementById('new-contact-invite').scrollIntoView({block: 'center'})");
        assertThat(browser.findElement(By.id("new-contact-invite")).isSelected())
                .isTrue();
        Browser.screenshot(browser, "admin-client-add-contact");
        Browser.clickAndWait(browser, By.id("invite-" + contact.id()));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains(email);
        browser.get(url("/desk/admin/staff"));
        Browser.screenshot(browser, "admin-staff-invite");
        Browser.clickAndWait(browser, By.cssSelector("form[action='/desk/logout'] button"));

        choosePasswordFromTheMail(email, "Ваш личный кабинет техподдержки", "первый-пароль-веры", "password-invited");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("первый-пароль-веры");
        Browser.clickAndWait(browser, By.id("login-submit"));
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
    }

    /** Sends the outbox, opens the link of the mail with that subject and sets the password there. */
    private void choosePasswordFromTheMail(String address, String subject, String password, String screenshot)
            throws Exception {
        sender.sendDue();
        MimeMessage mail = sentTo(address).stream()
                .filter(m -> subject(m).equals(subject))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        Matcher link = LINK.matcher(String.join("\n", texts(mail)));
        assertThat(link.find()).isTrue();
        browser.get(url(link.group().replaceFirst("^https?://[^/]+", "")));
        assertThat(browser.findElement(By.cssSelector("section.login")).getText())
                .contains(address);
        browser.findElement(By.id("new-password")).sendKeys(password);
        browser.findElement(By.id("confirm-password")).sendKeys(password);
        Browser.screenshot(browser, screenshot);
        Browser.clickAndWait(browser, By.id("reset-submit"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Пароль изменён");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
