package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The head opens the dashboard: every chart is drawn (its canvas has coloured pixels) and its numbers are a click away. */
@ExtendWith(BrowserExtension.class)
class DashboardBrowserTests extends MailTest {

    private static final List<String> CHARTS = List.of(
            "chart-backlog",
            "chart-weekly",
            "chart-agents",
            "chart-firstResponse",
            "chart-channels",
            "chart-normHoursPerWeek");

    /** Counts the pixels of a chart's canvas that are neither transparent nor white. */
    private static final String INKED_PIXELS = """
            var c = document.querySelector('#' + arguments[0] + ' canvas');
            if (!c) { return -1; }
            var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
            for (var i = 0; i < d.length; i += 4) {
              if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) { n++; }
            }
            return n;""";

    @LocalServerPort
    int port;

    @Autowired
    Installation installation;

    @Autowired
    RequestDesk desk;

    @Autowired
    WorkLog workLog;

    ChromeDriver browser;

    @Test
    void headSeesDrawnChartsWithTheirNumbers() throws Exception {
        TestData data = new TestData(context);
        StaffView head = data.member(Role.HEAD);
        StaffView agent = data.agent();
        Client client = data.client();
        for (int i = 0; i < 4; i++) {
            TicketView t = data.request(client, "Не работает форма " + i, "Письма с формы не приходят.");
            if (i % 2 == 0) {
                desk.reply(t.id(), Actor.staff(agent.id(), agent.fullName()), "Проверяем.", List.of());
            }
        }

        // a client on Economy for three months, over the plan in the first one
        YearMonth now = YearMonth.now(installation.timeZone());
        new ContractFixtures(context).sign(client, PlanCode.ECONOMY, 2);
        TicketView work = data.requestReceived(
                client,
                "Доработка каталога",
                "Нужно добавить фильтр.",
                now.minusMonths(2).atDay(1));
        workLog.log(work.id(), null, agent.id(), now.minusMonths(2).atDay(2), 720, WorkKind.WORK, null);
        workLog.log(work.id(), null, agent.id(), now.minusMonths(1).atDay(2), 240, WorkKind.CONSULTATION, null);
        workLog.log(
                work.id(), null, agent.id(), java.time.LocalDate.now(installation.timeZone()), 90, WorkKind.WORK, null);

        Browser.signIn(browser, url("/desk/login"), head.email());
        browser.findElement(By.id("nav-dashboard")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/desk/dashboard");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> CHARTS.stream()
                        .allMatch(id -> ((Number) browser.executeScript(INKED_PIXELS, id)).longValue() > 500));
        Browser.screenshot(browser, "dashboard");
        for (String id : CHARTS) {
            long inked = ((Number) browser.executeScript(INKED_PIXELS, id)).longValue();
            assertThat(inked).as(id).isGreaterThan(500);
        }

        // the numbers behind the weekly chart, one click away
        WebElement table = browser.findElement(By.id("chart-weekly-table"));
        assertThat(table.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("button[data-target='chart-weekly']"))
                .click();
        assertThat(table.isDisplayed()).isTrue();
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(12);
        assertThat(browser.findElement(By.id("chart-weekly")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "dashboard-numbers");

        browser.get(url("/desk/reports/volume?grain=WEEK"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> ((Number) browser.executeScript(INKED_PIXELS, "chart-volume")).longValue() > 500);
        Browser.screenshot(browser, "report-volume");

        // one client's plan utilisation: included against used, month by month, with the running balance
        browser.get(url("/desk/reports/utilisation?org=" + client.organization().id() + "&from="
                + now.minusMonths(2).atDay(1) + "&to=" + now.atEndOfMonth()));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> ((Number) browser.executeScript(INKED_PIXELS, "chart-utilisation")).longValue() > 500);
        Browser.screenshot(browser, "report-utilisation");
        browser.findElement(By.cssSelector("button[data-target='chart-utilisation']"))
                .click();
        assertThat(browser.findElements(By.cssSelector("#chart-utilisation-table tbody tr")))
                .hasSize(3);
        assertThat(browser.findElement(By.id("chart-utilisation-table")).getText())
                .contains("120");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
