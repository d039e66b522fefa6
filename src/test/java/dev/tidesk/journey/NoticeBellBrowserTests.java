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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bell in two browsers: an agent has the queue open, the client replies in the portal, and the
 * agent's bell counts it within its polling interval without the page being loaded again.
 */
@ExtendWith(BrowserExtension.class)
class NoticeBellBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDesk desk;

    ChromeDriver agentBrowser;
    ChromeDriver clientBrowser;

    @Test
    void theAgentsBellCountsTheClientsReplyWithoutAReload() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Не открывается корзина", "Кнопка «Оформить» не работает.");
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());

        Browser.signIn(agentBrowser, url("/desk/login"), agent.email());
        // a quiet bell to begin with (the new request told every agent on duty)
        agentBrowser.get(url("/desk/notifications"));
        Browser.clickAndWait(agentBrowser, By.id("notices-read-all"));
        agentBrowser.get(url("/desk"));
        assertThat(agentBrowser.findElements(By.id("bell-count"))).isEmpty();
        // a mark that a page load would wipe out
        agentBrowser.executeScript("window.tideskStillHere = true;");

        Browser.signIn(clientBrowser, url("/portal/login"), client.login());
        clientBrowser.get(url("/portal/requests/" + ticket.tid()));
        clientBrowser.findElement(By.name("body")).sendKeys("Уточнение: только в мобильной версии.");
        Browser.clickAndWait(clientBrowser, By.id("send-reply"));

        String count = new WebDriverWait(agentBrowser, Duration.ofSeconds(35)).until(d -> {
            var found = d.findElements(By.id("bell-count"));
            return found.isEmpty() ? null : found.get(0).getText();
        });
        assertThat(count).isEqualTo("1");
        assertThat(agentBrowser.executeScript("return window.tideskStillHere === true;"))
                .as("the count changed in place, the page was not loaded again")
                .isEqualTo(true);
        agentBrowser.manage().window().setSize(new Dimension(1280, 800));
        Browser.screenshot(agentBrowser, "desk-bell-1280");
        agentBrowser.manage().window().setSize(new Dimension(390, 844));
        assertThat(agentBrowser.executeScript("const r = document.getElementById('bell').getBoundingClientRect();"
                        + " return r.left >= 0 && r.right <= document.documentElement.clientWidth;"))
                .as("the bell is on a phone's screen, not scrolled off it")
                .isEqualTo(true);
        Browser.screenshot(agentBrowser, "desk-bell-390");
        agentBrowser.manage().window().setSize(new Dimension(1280, 800));

        Browser.clickAndWait(agentBrowser, By.id("bell"));
        assertThat(agentBrowser
                        .findElement(By.cssSelector(".notice-list li.unread"))
                        .getText())
                .contains(ticket.tid())
                .contains("ответ клиента");
        Browser.screenshot(agentBrowser, "desk-notifications");
        Browser.clickAndWait(agentBrowser, By.cssSelector(".notice-list li.unread a"));
        assertThat(agentBrowser.getCurrentUrl()).endsWith("/desk/requests/" + ticket.tid() + "#conversation");
        assertThat(agentBrowser.findElements(By.id("bell-count"))).isEmpty();

        // a note that names a colleague: a link on the page, and the colleague watches the request
        StaffView colleague = data.agent();
        String handle = colleague.email().substring(0, colleague.email().indexOf('@'));
        agentBrowser.findElement(By.id("kind-note")).click();
        agentBrowser
                .findElement(By.id("reply-body"))
                .sendKeys("@" + handle + ", посмотри вёрстку корзины на мобильных.");
        Browser.clickAndWait(agentBrowser, By.id("send-message"));
        assertThat(agentBrowser
                        .findElement(By.cssSelector("article.note a.mention"))
                        .getText())
                .isEqualTo("@" + handle);
        assertThat(agentBrowser.findElement(By.id("watchers")).getText()).contains(colleague.fullName());
        Browser.screenshot(agentBrowser, "desk-request-mention");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
