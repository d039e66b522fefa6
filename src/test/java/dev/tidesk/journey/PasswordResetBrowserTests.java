package dev.tidesk.journey;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.OutboxSender;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact who forgot the password: "Забыли пароль?" on the sign-in page, the link from the mail
 * (sent over real SMTP), a new password, and in with it.
 */
@ExtendWith(BrowserExtension.class)
class PasswordResetBrowserTests extends MailTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/portal/password/reset\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Autowired
    OutboxSender sender;

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

        sender.sendBatch(100);
        MimeMessage mail = sentTo(client.login()).stream().filter(m -> subject(m).equals("Новый пароль")).findFirst()
                .orElseThrow();
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        Matcher link = LINK.matcher(String.join("\n", texts(mail)));
        assertThat(link.find()).isTrue();
        String path = link.group().replaceFirst("^https?://[^/]+", "");

        browser.get(url(path));
        assertThat(browser.findElement(By.cssSelector("section.login")).getText()).contains(client.login());
        browser.findElement(By.id("new-password")).sendKeys("весна-2027-пароль");
        browser.findElement(By.id("confirm-password")).sendKeys("весна-2027-пароль");
        Browser.screenshot(browser, "password-reset");
        Browser.clickAndWait(browser, By.id("reset-submit"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Пароль изменён");

        browser.findElement(By.id("username")).sendKeys(client.login());
        browser.findElement(By.id("password")).sendKeys("весна-2027-пароль");
        Browser.clickAndWait(browser, By.id("login-submit"));
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
