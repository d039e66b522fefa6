package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent types a search with a word left out by a minus into the workspace's search box, as
 * people do, and sees only the requests without it; the client searches their own list on the
 * portal (words only: the portal reads no minus).
 */
@ExtendWith(BrowserExtension.class)
class SearchBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    ChromeDriver agentBrowser;
    ChromeDriver clientBrowser;

    @Test
    void anAgentLeavesAWordOutOfASearchAndTheClientSearchesTheirOwnList() throws Exception {
        Client client = data.client();
        String word = "Витрина" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "ж");
        TicketView updates = data.request(client, word + ": updates не приходят", "Письма с обновлениями не доходят.");
        TicketView banner = data.request(client, word + ": баннер на главной", "Поставьте новый баннер.");

        Browser.signIn(agentBrowser, url("/desk/login"), data.agent().email());
        agentBrowser.manage().window().setSize(new Dimension(1280, 900));
        agentBrowser.get(url("/desk/search?q=" + word));
        assertThat(hits(agentBrowser)).containsExactlyInAnyOrder(updates.tid(), banner.tid());

        WebElement box = agentBrowser.findElement(By.cssSelector("input[name=q]"));
        box.clear();
        box.sendKeys(word + " -updates");
        String before = agentBrowser.getCurrentUrl();
        box.sendKeys(Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(agentBrowser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before));
        assertThat(hits(agentBrowser)).containsExactly(banner.tid());
        Browser.screenshot(agentBrowser, "desk-search-minus");

        Browser.signIn(clientBrowser, url("/portal/login"), client.login());
        clientBrowser.manage().window().setSize(new Dimension(1280, 900));
        clientBrowser.get(url("/portal?q=" + word));
        assertThat(clientBrowser.findElements(By.cssSelector("tr.request-row")).stream()
                        .map(WebElement::getText)
                        .toList())
                .hasSize(2)
                .anyMatch(row -> row.contains(updates.tid()))
                .anyMatch(row -> row.contains(banner.tid()));
        Browser.screenshot(clientBrowser, "portal-search");
    }

    private static List<String> hits(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("tr.search-hit")).stream()
                .map(e -> e.getAttribute("id").substring("s-".length()))
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
