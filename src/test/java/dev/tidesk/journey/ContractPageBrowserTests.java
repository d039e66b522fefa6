package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A contact opens the contract page: the chart is drawn; then the monthly statement. */
@ExtendWith(BrowserExtension.class)
class ContractPageBrowserTests extends MailTest {

    /** Counts canvas pixels that are not transparent: zero means nothing was drawn. */
    static final String PAINTED = """
            var c = document.querySelector('#usage-chart canvas');
            if (!c) return -1;
            var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
            for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; }
            return n;
            """;

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @Test
    void aContactSeesTheChartOfTheirHoursAndOpensTheMonthlyStatement() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        Client client = data.client();
        StaffView agent = data.agent();
        fixtures.sign(client, PlanCode.STANDARD, 6);
        TicketView banner = fixtures.request(data, client, "Обновить баннер на главной", 6);
        TicketView prices = fixtures.request(data, client, "Загрузить новый прайс", 6);
        int[] hours = {14, 26, 18, 31, 9, 22, 6};
        for (int monthsAgo = 6; monthsAgo >= 0; monthsAgo--) {
            fixtures.log(monthsAgo % 2 == 0 ? banner : prices, agent, monthsAgo, hours[6 - monthsAgo]);
        }

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/contract"));

        assertThat(browser.findElement(By.id("contract-plan")).getText()).isEqualTo("Стандарт");
        assertThat(browser.findElement(By.id("month-used")).getText()).isEqualTo("использовано 6 из 20 ч");
        Object painted = browser.executeScript(PAINTED);
        assertThat(((Number) painted).longValue()).as("painted canvas pixels").isGreaterThan(1000);
        Browser.screenshot(browser, "portal-contract");

        WebElement statement = browser.findElements(By.cssSelector("#ledger a")).get(1);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", statement);
        Browser.screenshot(browser, "portal-contract-ledger");
        statement.click();
        assertThat(browser.findElement(By.id("statement-lines")).getText())
                .contains(prices.tid())
                .doesNotContain(banner.tid());
        assertThat(browser.findElement(By.id("statement-total")).getText()).isEqualTo("22");
        Browser.screenshot(browser, "portal-statement");
    }

    @Test
    void theHeadLogsTimeInTwoClicksAndSeesTheClientsLedger() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView head = data.member(dev.tidesk.identity.Role.HEAD);
        fixtures.sign(client, PlanCode.ECONOMY, 3);
        TicketView t = fixtures.request(data, client, "Поправить меню", 3);
        fixtures.log(t, agent, 3, 12);
        fixtures.log(t, agent, 2, 14);
        fixtures.log(t, agent, 1, 7);

        Browser.signIn(browser, url("/desk/login"), head.email());
        browser.get(url("/desk/requests/" + t.tid()));
        browser.findElement(By.id("worklog-open")).click();
        browser.findElement(By.id("worklog-hours")).sendKeys("1,5");
        browser.findElement(By.id("worklog-save")).click();
        // the panel is swapped in by htmx: the total found before the swap goes stale under the reader
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("worklog-total")).getText().equals("34,5 ч"));
        assertThat(browser.findElement(By.id("worklog-total")).getText()).isEqualTo("34,5 ч");
        Browser.screenshot(browser, "desk-request-worklog");

        browser.get(url("/desk/admin/clients?sort=utilisation"));
        assertThat(browser.findElement(By.id("clients")).getText())
                .contains(client.organization().name());
        Browser.screenshot(browser, "desk-clients");
        browser.get(url("/desk/clients/" + client.organization().id()));
        assertThat(browser.findElement(By.id("ledger")).getText()).contains("Эконом");
        Browser.screenshot(browser, "desk-client-ledger");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
