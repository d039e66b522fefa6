package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Live pages in three browsers: the client writes in the portal while agents have the queue and the
 * request open. Their lists change in place, never by loading the page again, and what an agent is
 * typing stays in the reply box.
 */
@ExtendWith(BrowserExtension.class)
class LiveDeskBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDesk desk;

    ChromeDriver agentBrowser;
    ChromeDriver colleagueBrowser;
    ChromeDriver clientBrowser;

    @Test
    void aNewPortalRequestAppearsInTheOpenQueueWithoutAReload() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        Browser.signIn(agentBrowser, url("/desk/login"), agent.email());
        agentBrowser.get(url("/desk?view=UNASSIGNED&sort=NEWEST"));
        agentBrowser.executeScript("window.tideskStillHere = true;");

        Browser.signIn(clientBrowser, url("/portal/login"), client.login());
        clientBrowser.get(url("/portal/requests/new"));
        clientBrowser.findElement(By.name("subject")).sendKeys("Сайт не открывается с телефона");
        clientBrowser.findElement(By.name("body")).sendKeys("С утра главная страница на телефоне пустая.");
        Browser.clickAndWait(clientBrowser, By.id("create-request"));
        String tid = clientBrowser.findElement(By.id("ticket-tid")).getText();

        new WebDriverWait(agentBrowser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("q-" + tid)).isEmpty());
        assertThat(agentBrowser.findElement(By.id("q-" + tid)).getText()).contains("Сайт не открывается с телефона");
        assertThat(agentBrowser.executeScript("return window.tideskStillHere === true;"))
                .as("the row came in place, the page was not loaded again")
                .isEqualTo(true);
        Browser.screenshot(agentBrowser, "desk-queue-live");
    }

    @Test
    void theClientsReplyAndAColleagueTypingShowOnTheOpenRequest() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView colleague = data.agent();
        TicketView ticket = data.request(client, "Не приходят письма с формы", "Форма «Контакты» молчит.");
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());

        Browser.signIn(agentBrowser, url("/desk/login"), agent.email());
        agentBrowser.get(url("/desk/requests/" + ticket.tid()));
        agentBrowser.executeScript("window.tideskStillHere = true;");
        String draft = "Проверили почтовый сервер, сейчас";
        agentBrowser.findElement(By.id("reply-body")).sendKeys(draft);

        // a colleague opens the same request and starts a reply of their own
        Browser.signIn(colleagueBrowser, url("/desk/login"), colleague.email());
        colleagueBrowser.get(url("/desk/requests/" + ticket.tid()));
        colleagueBrowser.findElement(By.id("reply-body")).sendKeys("Добрый день!");
        String typing = new WebDriverWait(agentBrowser, Duration.ofSeconds(20)).until(d -> {
            var found = d.findElements(By.id("live-typing"));
            return found.isEmpty() ? null : found.get(0).getText();
        });
        assertThat(typing).contains(colleague.fullName());

        // the client writes in the portal
        Browser.signIn(clientBrowser, url("/portal/login"), client.login());
        clientBrowser.get(url("/portal/requests/" + ticket.tid()));
        clientBrowser.findElement(By.name("body")).sendKeys("Уточнение: пропадают только письма с вложениями.");
        Browser.clickAndWait(clientBrowser, By.id("send-reply"));

        new WebDriverWait(agentBrowser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("live-client-replied")).isEmpty());
        assertThat(agentBrowser.findElement(By.id("thread")).getText())
                .contains("пропадают только письма с вложениями");
        assertThat(agentBrowser.findElements(By.cssSelector("#thread article.from-client")))
                .as("the reply is added once, after the first message")
                .hasSize(2);
        assertThat(agentBrowser.findElement(By.id("reply-body")).getAttribute("value"))
                .as("what the agent was typing is still there")
                .isEqualTo(draft);
        assertThat(agentBrowser.executeScript("return window.tideskStillHere === true;"))
                .as("the message came in place, the page was not loaded again")
                .isEqualTo(true);
        Browser.screenshot(agentBrowser, "desk-request-live");

        // the agent sends; their own page shows the message once, with no stale banner counted twice
        Browser.clickAndWait(agentBrowser, By.id("send-message"));
        assertThat(agentBrowser.findElements(By.cssSelector("#thread article.from-client")))
                .hasSize(2);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
