package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.CcList;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent takes a colleague the client's mail had in Cc with one click, copies a partner's
 * address, and finds the client's new reply marked in the search; the client sees who is copied.
 */
@ExtendWith(BrowserExtension.class)
class CcBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestDesk desk;

    @Autowired
    CcList copies;

    @Autowired
    Customers customers;

    ChromeDriver agentBrowser;
    ChromeDriver clientBrowser;

    @Test
    void anAgentCopiesASuggestedColleagueAndAPartnerAndTheClientSeesThem() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        String domain = client.login().substring(client.login().indexOf('@') + 1);
        ContactView colleague = customers.createContact(
                client.organization().id(), "Ольга Маркетологова", "olga@" + domain, null, "ru");
        String word = "Баннер" + System.nanoTime();
        TicketView ticket = data.request(client, word + " на главной странице", "Поставьте, пожалуйста, новый баннер.");
        copies.suggest(ticket.id(), colleague.email(), colleague.id(), Instant.now());
        copies.suggest(ticket.id(), "direktor@" + domain, null, Instant.now());

        Browser.signIn(agentBrowser, url("/desk/login"), agent.email());
        agentBrowser.manage().window().setSize(new Dimension(1280, 1000));
        agentBrowser.get(url("/desk/requests/" + ticket.tid()));
        assertThat(agentBrowser.findElement(By.id("cc-suggestions")).getText())
                .contains("Ольга Маркетологова")
                .contains("direktor@" + domain);
        agentBrowser.executeScript("document.getElementById('cc').scrollIntoView();");
        Browser.screenshot(agentBrowser, "desk-request-cc-suggested");

        Browser.clickAndWait(agentBrowser, By.cssSelector("#cc-suggestions .cc-accept"));
        agentBrowser.findElement(By.id("cc-address")).sendKeys("partner@agency.example");
        Browser.clickAndWait(agentBrowser, By.id("cc-add-address"));
        assertThat(agentBrowser.findElement(By.id("cc-list")).getText())
                .contains("Ольга Маркетологова\n" + colleague.email())
                .contains("partner@agency.example");
        // names and addresses that fit the card stay whole, at a desktop and at a phone width
        assertThat(linesOfEachName(agentBrowser)).containsOnly(1L);
        assertThat(agentBrowser.findElement(By.id("history")).getText()).contains("копия (CC): добавлен адрес");
        agentBrowser.executeScript("document.getElementById('cc').scrollIntoView();");
        Browser.screenshot(agentBrowser, "desk-request-cc");

        // the client writes again: the search marks the request until the agent opens it
        desk.clientReply(
                ticket.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                "Баннер нужен к пятнице.",
                List.of());
        data.request(client, word + " в подвале", "Второе обращение");
        agentBrowser.get(url("/desk/search?q=" + word));
        assertThat(agentBrowser.findElement(By.id("s-" + ticket.tid())).getAttribute("class"))
                .contains("unseen");
        assertThat(agentBrowser.findElements(By.cssSelector("#s-" + ticket.tid() + " .unseen-dot")))
                .hasSize(1);
        Browser.screenshot(agentBrowser, "desk-search-unseen");

        Browser.signIn(clientBrowser, url("/portal/login"), client.login());
        clientBrowser.manage().window().setSize(new Dimension(1280, 1000));
        clientBrowser.get(url("/portal/requests/" + ticket.tid()));
        assertThat(clientBrowser.findElement(By.id("cc-list")).getText())
                .contains("Ольга Маркетологова")
                .contains("partner@agency.example");
        clientBrowser.executeScript("document.getElementById('cc').scrollIntoView();");
        Browser.screenshot(clientBrowser, "portal-request-cc");
        assertThat(linesOfEachName(clientBrowser)).containsOnly(1L);

        agentBrowser.manage().window().setSize(new Dimension(390, 900));
        agentBrowser.get(url("/desk/requests/" + ticket.tid()));
        assertThat(linesOfEachName(agentBrowser)).containsOnly(1L);
        agentBrowser.executeScript("document.getElementById('cc').scrollIntoView();");
        Browser.screenshot(agentBrowser, "desk-request-cc-phone");
    }

    /** How many lines each name and address of the CC card takes on screen. */
    @SuppressWarnings("unchecked")
    private static List<Long> linesOfEachName(ChromeDriver browser) {
        return (List<Long>) browser.executeScript("""
                return [...document.querySelectorAll('#cc-list .cc-name, #cc-list .cc-address')].map(e => {
                  const r = document.createRange(); r.selectNodeContents(e);
                  return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; });""");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
