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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workspace by keyboard, as an agent uses it: walk the queue, open a request, go to the next one
 * of the list, write a note, take the request; and no shortcut fires while a field has the keys.
 */
@ExtendWith(BrowserExtension.class)
class ShortcutsBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @Test
    void anAgentWorksTheQueueByKeyboard() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView older = data.request(client, "Не грузятся картинки", "В каталоге нет фото.");
        TicketView newer = data.request(client, "Опечатка на главной", "«Достака» вместо «доставка».");
        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk?view=UNASSIGNED&sort=NEWEST"));

        press("?");
        assertThat(browser.findElement(By.id("shortcuts")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "desk-shortcuts");
        press(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("shortcuts")).isDisplayed()).isFalse();

        // j selects the first row (the newest), j again the next one; k back; Enter opens
        press("j");
        assertThat(browser.findElement(By.cssSelector("tr.kb-selected")).getAttribute("id"))
                .isEqualTo("q-" + newer.tid());
        press("j");
        press("k");
        press(Keys.ENTER);
        waitForPath("/desk/requests/" + newer.tid());

        // on the request, j goes to the next request of the list it was opened from
        press("j");
        waitForPath("/desk/requests/" + older.tid());

        // n: an internal note, with the keys in the box; letters typed there are text, not shortcuts
        press("n");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-body");
        assertThat(browser.findElement(By.id("kind-note")).isSelected()).isTrue();
        new Actions(browser).sendKeys("jk t?").perform();
        assertThat(browser.getCurrentUrl()).endsWith("/desk/requests/" + older.tid());
        assertThat(browser.findElement(By.id("reply-body")).getAttribute("value"))
                .isEqualTo("jk t?");
        assertThat(browser.findElement(By.id("shortcuts")).isDisplayed()).isFalse();

        // Esc leaves the box; t takes the request
        press(Keys.ESCAPE);
        press("t");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("select[name=staffId] option[selected]"))
                        .getText()
                        .equals(agent.fullName()));

        // / puts the keys in the search box
        press("/");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("q");
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
