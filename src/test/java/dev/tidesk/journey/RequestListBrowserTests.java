package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent's morning: filters all requests down to one client's unassigned ones, keeps that as a
 * list, and gives three of them to a colleague in one go.
 */
@ExtendWith(BrowserExtension.class)
class RequestListBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestQueries queries;

    @Autowired
    dev.tidesk.customer.Customers customers;

    ChromeDriver browser;

    @Test
    void filterSaveAListAndBulkAssignThree() throws Exception {
        Client client = data.client();
        Client other = data.client();
        StaffView agent = data.agent();
        StaffView colleague = data.agent();
        List<TicketView> mine = List.of(
                data.request(client, "Не грузится каталог", "Текст."),
                data.request(client, "Ошибка в корзине", "Текст."),
                data.request(client, "Поменять баннер", "Текст."));
        TicketView elsewhere = data.request(other, "Чужое обращение", "Текст.");

        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk"));
        Browser.clickAndWait(browser, By.id("all-requests"));
        // the client is picked by typing its name: the filter lists no organization until asked
        String name = client.organization().name();
        // a branch whose name holds the client's: two choices for the name typed
        customers.createOrganization(name + " (филиал)", null);
        assertThat(browser.findElements(By.cssSelector("#filters option")))
                .extracting(WebElement::getText)
                .doesNotContain(name, other.organization().name());
        WebElement choice = typeInPicker("#filters", name);
        assertThat(browser.findElements(By.cssSelector("#filters .org-pick")))
                .extracting(WebElement::getText)
                .contains(name)
                .allMatch(text -> text.contains(name))
                .doesNotContain(other.organization().name());
        Browser.screenshot(browser, "desk-organization-picker");
        // by keyboard, as an agent would: down into the choices, down and up again, Enter takes it
        WebElement box = browser.findElement(By.cssSelector("#filters .org-picker-text"));
        List<WebElement> picks = browser.findElements(By.cssSelector("#filters .org-pick"));
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement()).isEqualTo(picks.get(0));
        assertThat(picks).hasSizeGreaterThanOrEqualTo(2);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement()).isEqualTo(picks.get(1));
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertThat(browser.switchTo().activeElement()).isEqualTo(choice);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("#filters input[name=client]"))
                        .getAttribute("value"))
                .isEqualTo(String.valueOf(client.organization().id()));
        assertThat(browser.findElements(By.cssSelector("#filters .org-pick"))).isEmpty();
        new Select(browser.findElement(By.name("assignee"))).selectByValue("none");
        Browser.clickAndWait(browser, By.id("apply-filters"));
        assertThat(browser.findElements(By.cssSelector("#request-list tbody tr")))
                .hasSize(3);
        assertThat(browser.findElements(By.id("r-" + elsewhere.tid()))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#filters .org-picker-text"))
                        .getAttribute("value"))
                .as("the filtered page names the client it was filtered by")
                .isEqualTo(name);

        browser.findElement(By.id("view-name")).sendKeys("Ромашка без исполнителя");
        Browser.clickAndWait(browser, By.id("save-view"));
        assertThat(browser.findElement(By.cssSelector(".saved-views")).getText())
                .contains("Ромашка без исполнителя")
                .contains("3");
        Browser.screenshot(browser, "desk-request-list");

        browser.findElement(By.id("bulk-all")).click();
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("ASSIGN");
        new Select(browser.findElement(By.id("bulk-assignee"))).selectByVisibleText(colleague.fullName());
        Browser.clickAndWait(browser, By.id("bulk-go"));
        assertThat(browser.findElement(By.id("bulk-summary")).getText())
                .contains("3")
                .contains(colleague.fullName());
        Browser.screenshot(browser, "desk-bulk-confirm");
        Browser.clickAndWait(browser, By.id("bulk-confirm-go"));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("3");
        assertThat(browser.findElement(By.id("list-empty")).isDisplayed())
                .as("the saved filter (nobody's) now finds none of them")
                .isTrue();
        for (TicketView t : mine) {
            assertThat(queries.ticket(t.id()).assigneeId()).isEqualTo(colleague.id());
        }
        assertThat(queries.ticket(elsewhere.id()).assigneeId()).isNull();
    }

    @Test
    void aCallFromSomeoneNewIsRecordedForTheClientPickedByName() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        String name = client.organization().name();
        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk/phone"));
        browser.findElement(By.cssSelector("details summary")).click();
        WebElement choice = typeInPicker("details", name);
        Browser.screenshot(browser, "desk-phone-organization-picker");
        choice.click();
        browser.findElement(By.id("newContactName")).sendKeys("Пётр Звонков");
        browser.findElement(By.id("subject")).sendKeys("Звонок: не работает оплата");
        browser.findElement(By.id("body")).sendKeys("Клиент звонил, оплата картой не проходит.");
        Browser.clickAndWait(browser, By.id("phone-submit"));

        String tid = browser.getCurrentUrl().replaceAll(".*/desk/requests/([^/?#]+).*", "$1");
        assertThat(queries.byTid(tid).organizationId())
                .isEqualTo(client.organization().id());
        assertThat(queries.byTid(tid).contactName()).isEqualTo("Пётр Звонков");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anAgentWithMoreThanTheQueueCapSeesItsTileSay999Plus() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView first = data.request(client, "Первое из многих", "Текст");
        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.update(
                "update ticket set assignee_id = ?, assignee_name = ?, status = 'OPEN' where id = ?",
                agent.id(),
                agent.fullName(),
                first.id());
        String mark = "QTILE-" + System.nanoTime() + "-";
        long numbers = 700_000_000L + (System.nanoTime() % 90_000) * 1_000;
        try {
            data.copies(first, mark, numbers, 1, (int) RequestQueries.QUEUE_COUNT_CAP, "OPEN");
            Browser.signIn(browser, url("/desk/login"), agent.email());
            browser.get(url("/desk?view=MINE"));
            assertThat(browser.findElement(By.cssSelector("#view-MINE .tile-num"))
                            .getText())
                    .isEqualTo(RequestQueries.QUEUE_COUNT_CAP + "+");
            Browser.screenshot(browser, "desk-queue-999-plus");
        } finally {
            jdbc.update("delete from ticket where tid like ?", mark + "%");
        }
    }

    /**
     * Types a client's name into the organization picker inside {@code scope} and returns the choice
     * of that name, once every choice shown is for the name typed (the ones offered on focus, for no
     * text, may come first).
     */
    private WebElement typeInPicker(String scope, String name) {
        browser.findElement(By.cssSelector(scope + " .org-picker-text")).sendKeys(name);
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> picks = d.findElements(By.cssSelector(scope + " .org-pick"));
            return picks.stream().allMatch(b -> b.getText().contains(name))
                    ? picks.stream()
                            .filter(b -> b.getText().equals(name))
                            .findFirst()
                            .orElse(null)
                    : null;
        });
    }
}
