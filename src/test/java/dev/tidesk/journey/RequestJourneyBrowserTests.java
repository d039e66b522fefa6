package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first journey in a real browser: a contact writes in the portal and sees the TID; an agent
 * takes the request and replies; the contact reads the reply in the portal and gets it by e-mail.
 * The contact's screenshot is shown to the agent as a picture, not only as a file to download.
 */
@ExtendWith(BrowserExtension.class)
class RequestJourneyBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    OutboxSender sender;

    ChromeDriver browser;

    @Test
    void contactWritesAgentRepliesContactReadsTheReply() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        data.request(client, "Обновить цены в каталоге", "Прайс приложен, нужно обновить до пятницы.");

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/new"));
        browser.findElement(By.name("subject")).sendKeys("Не работает форма обратной связи");
        browser.findElement(By.name("body"))
                .sendKeys("Письма с формы на странице «Контакты» не приходят с понедельника.");
        browser.findElement(By.name("files")).sendKeys(screenshot().toString());
        Browser.clickAndWait(browser, By.id("create-request"));
        String tid = browser.findElement(By.id("ticket-tid")).getText();
        assertThat(tid).matches("TID-\\d+");
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains(tid);
        Browser.screenshot(browser, "portal-request-created");
        browser.get(url("/portal"));
        assertThat(browser.findElements(By.cssSelector("tr.request-row"))).hasSizeGreaterThanOrEqualTo(2);
        Browser.screenshot(browser, "portal-requests");
        logout("/portal/logout");

        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk?view=UNASSIGNED&sort=NEWEST"));
        Browser.screenshot(browser, "desk-queue");
        Browser.clickAndWait(browser, By.linkText(tid));
        // the picture really loads through the download route (its headers must not stop an <img>)
        // (loaded asynchronously after the page: wait until it has, then check it decoded)
        long width = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            Number w = (Number)
                    browser.executeScript(
                            "const i = document.querySelector('.preview img'); return i && i.complete ? i.naturalWidth : null;");
            return w == null ? null : w.longValue();
        });
        assertThat(width).isEqualTo(480);
        Browser.clickAndWait(browser, By.id("take"));
        browser.findElement(By.id("reply-body")).sendKeys("Исправили настройки почты, проверьте, пожалуйста.");
        Browser.clickAndWait(browser, By.id("send-message"));
        assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("Открыто");
        Browser.screenshot(browser, "desk-request");
        logout("/desk/logout");

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/" + tid));
        assertThat(browser.findElements(By.cssSelector("article.from-staff .body")))
                .extracting(e -> e.getText())
                .containsExactly("Исправили настройки почты, проверьте, пожалуйста.");
        assertThat(browser.findElements(By.cssSelector(".progress li.done"))).isNotEmpty();
        Browser.screenshot(browser, "portal-request-replied");
        browser.get(url("/portal/requests/" + tid + "?lang=en"));
        assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("Open");

        sender.sendDue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(RequestJourneyBrowserTests::subject))
                .contains("[" + tid + "] Новый ответ: Не работает форма обратной связи");
    }

    /** A small PNG like a screenshot of a broken form: a page, a header bar and a red field. */
    private static Path screenshot() throws Exception {
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 480, 300);
        g.setColor(new Color(0x0f766e));
        g.fillRect(0, 0, 480, 48);
        g.setColor(new Color(0xe4e7ec));
        g.fillRoundRect(40, 90, 400, 36, 8, 8);
        g.setColor(new Color(0xb42318));
        g.drawRoundRect(40, 150, 400, 36, 8, 8);
        g.fillRoundRect(40, 220, 140, 40, 8, 8);
        g.dispose();
        Path file = Files.createTempFile("форма-", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private void logout(String action) {
        Browser.clickAndWait(browser, By.cssSelector("form[action='" + action + "'] button"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
