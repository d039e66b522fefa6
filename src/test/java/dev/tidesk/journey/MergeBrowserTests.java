package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent merges two requests of one client from the request page: names the survivor, reads what
 * will move, confirms, and lands on the survivor; then links a related request and opens the split
 * of a client's message. The client sees the merged request's note and the way to the survivor.
 */
@ExtendWith(BrowserExtension.class)
class MergeBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestQueries queries;

    ChromeDriver agentBrowser;
    ChromeDriver clientBrowser;

    @Test
    void anAgentMergesTwoRequestsFromThePageAndTheClientFindsTheSurvivor() throws Exception {
        Client client = data.client("ru");
        StaffView agent = data.agent();
        TicketView merged = data.request(client, "Не приходят заявки с сайта", "С утра ни одной заявки.");
        TicketView survivor = data.request(client, "Форма заказа не работает", "Кнопка «Отправить» не реагирует.");
        TicketView related = data.request(client, "Обновить SSL-сертификат", "Истекает через неделю.");
        desk.clientReply(
                merged.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Заодно: в подвале старый телефон.",
                List.of());

        Browser.signIn(agentBrowser, url("/desk/login"), agent.email());
        agentBrowser.manage().window().setSize(new Dimension(1280, 1000));
        agentBrowser.get(url("/desk/requests/" + merged.tid()));
        Browser.screenshot(agentBrowser, "desk-request-merge-button");
        Browser.clickAndWait(agentBrowser, By.id("merge"));
        agentBrowser.findElement(By.id("merge-target")).sendKeys(survivor.tid());
        Browser.clickAndWait(agentBrowser, By.id("merge-preview"));
        assertThat(agentBrowser.findElement(By.id("merge-from")).getText()).contains(merged.tid());
        assertThat(agentBrowser.findElement(By.id("merge-into")).getText()).contains(survivor.tid());
        assertThat(agentBrowser.findElement(By.id("move-messages")).getText()).isEqualTo("2");
        Browser.screenshot(agentBrowser, "desk-request-merge-confirm");

        Browser.clickAndWait(agentBrowser, By.id("merge-confirm"));
        assertThat(agentBrowser.getCurrentUrl()).endsWith("/desk/requests/" + survivor.tid());
        assertThat(agentBrowser.findElement(By.id("thread")).getText())
                .contains("С утра ни одной заявки.")
                .contains("Кнопка «Отправить» не реагирует.");
        assertThat(agentBrowser.findElement(By.id("history")).getText())
                .contains("присоединено обращение " + merged.tid());

        // a related request, linked from the card
        agentBrowser.findElement(By.id("link-target")).sendKeys(related.tid());
        Browser.clickAndWait(agentBrowser, By.id("link-add"));
        assertThat(agentBrowser.findElement(By.id("links-list")).getText()).contains(related.tid());
        agentBrowser.executeScript("document.getElementById('links').scrollIntoView();");
        Browser.screenshot(agentBrowser, "desk-request-merged-survivor");

        // the client's second message could be split off again into its own request
        agentBrowser.findElement(By.cssSelector("#thread .split-off")).click();
        assertThat(agentBrowser.findElement(By.id("split-subject")).getAttribute("value"))
                .isEqualTo("Форма заказа не работает (из " + survivor.tid() + ")");
        Browser.screenshot(agentBrowser, "desk-request-split");

        agentBrowser.get(url("/desk/requests/" + merged.tid()));
        assertThat(agentBrowser.findElement(By.id("merged-note")).getText()).contains(survivor.tid());
        assertThat(agentBrowser.findElement(By.id("ticket-status")).getText()).isEqualTo("Закрыто");
        Browser.screenshot(agentBrowser, "desk-request-merged");
        assertThat(queries.ticket(merged.id()).status()).isEqualTo(Status.CLOSED);

        Browser.signIn(clientBrowser, url("/portal/login"), client.login());
        clientBrowser.manage().window().setSize(new Dimension(1280, 1000));
        clientBrowser.get(url("/portal/requests/" + merged.tid()));
        assertThat(clientBrowser.findElement(By.id("merged-note")).getText()).contains(survivor.tid());
        assertThat(clientBrowser.findElements(By.id("send-reply"))).isEmpty();
        Browser.screenshot(clientBrowser, "portal-request-merged");
        Browser.clickAndWait(clientBrowser, By.id("merged-survivor"));
        assertThat(clientBrowser.getCurrentUrl()).endsWith("/portal/requests/" + survivor.tid());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
