package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent keeps a canned reply and a signature, then answers a client with it by typing "/" in the
 * reply box: the reply is filled with the client's name and the TID, and the client reads it signed.
 */
@ExtendWith(BrowserExtension.class)
class CannedReplyBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @Test
    void anAgentRepliesWithACannedReply() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Не работает корзина", "Товары не добавляются.");
        Browser.signIn(browser, url("/desk/login"), agent.email());

        browser.get(url("/desk/replies"));
        browser.findElement(By.name("title")).sendKeys("Взяли в работу");
        browser.findElement(By.name("body"))
                .sendKeys("{{client_first_name}}, добрый день! Обращение {{tid}} взяли в работу.");
        Browser.clickAndWait(browser, By.id("canned-save"));
        browser.findElement(By.name("signature")).sendKeys("Служба поддержки");
        Browser.clickAndWait(browser, By.id("signature-save"));
        assertThat(browser.findElement(By.id("canned-list")).getText()).contains("Взяли в работу");
        Browser.screenshot(browser, "desk-canned-replies");

        browser.get(url("/desk/requests/" + ticket.tid()));
        var box = browser.findElement(By.id("reply-body"));
        box.sendKeys("/взял");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#canned-picker .canned-option.active"))
                        .isEmpty());
        Browser.screenshot(browser, "desk-canned-picker");
        box.sendKeys(Keys.ENTER);
        String expected = "Анна, добрый день! Обращение " + ticket.tid() + " взяли в работу.";
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> expected.equals(d.findElement(By.id("reply-body")).getAttribute("value")));
        assertThat(browser.findElements(By.cssSelector("#canned-picker .canned-option")))
                .isEmpty();
        Browser.clickAndWait(browser, By.id("send-message"));
        assertThat(browser.findElement(By.id("thread")).getText())
                .contains(expected)
                .contains("Служба поддержки");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
