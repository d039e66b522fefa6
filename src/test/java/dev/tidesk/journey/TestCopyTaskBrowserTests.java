package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R13/R14 in a real browser: an agent gives a risky change to a developer on the test copy, the
 * developer marks it ready there, the client accepts it in the portal, the developer deploys it,
 * and the request shows the whole timeline.
 */
@ExtendWith(BrowserExtension.class)
class TestCopyTaskBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClientTermsBook terms;

    ChromeDriver browser;

    @Test
    void agentCreatesATestTaskSpecialistReadiesItClientAcceptsSpecialistDeploys() throws Exception {
        Client client = data.client();
        terms.update(client.organization().id(), 0, null, 2, 16, false);
        StaffView agent = data.agent();
        StaffView dev = staff.hire(
                "Пётр Разработчиков",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        TicketView ticket =
                data.request(client, "Обновить модуль оплаты", "Банк прислал письмо: старый модуль отключат 1 числа.");

        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk"));
        Browser.screenshot(browser, "routing-priority-queue");
        browser.get(url("/desk/requests/" + ticket.tid()));
        browser.findElement(By.id("task-new")).click();
        new Select(browser.findElement(By.id("task-assignee"))).selectByValue(String.valueOf(dev.id()));
        browser.findElement(By.id("task-title")).sendKeys("Обновление модуля оплаты до новой версии");
        browser.findElement(By.id("task-description")).sendKeys("Обновить SDK банка до v3, проверить возвраты.");
        browser.findElement(By.id("task-estimate")).sendKeys("3");
        browser.findElement(By.id("task-env-TEST")).click();
        Browser.screenshot(browser, "task-new-form");
        browser.findElement(By.id("task-create")).click();
        WebElement row = browser.findElement(By.cssSelector("#tasks tr[id^='task-']"));
        String taskId = row.getAttribute("id").substring("task-".length());
        waitForStatus(taskId, "К выполнению");
        logout("/desk/logout");

        Browser.signIn(browser, url("/desk/login"), dev.email());
        browser.get(url("/desk/tasks"));
        assertThat(browser.findElement(By.id("my-task-" + taskId)).getText()).contains("Обновление модуля оплаты");
        Browser.screenshot(browser, "task-my-tasks");
        browser.findElement(By.linkText(ticket.tid())).click();
        browser.findElement(By.id("task-" + taskId + "-start")).click();
        browser.findElement(By.id("task-" + taskId + "-ready")).click();
        waitForStatus(taskId, "Ждёт приёмки клиентом");
        logout("/desk/logout");

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/" + ticket.tid()));
        assertThat(browser.findElement(By.id("tasks")).getText())
                .contains("Обновление модуля оплаты до новой версии")
                .contains(client.site().testUrl())
                .doesNotContain("SDK");
        Browser.screenshot(browser, "task-portal-acceptance");
        browser.findElement(By.id("task-" + taskId + "-accept")).click();
        waitForStatus(taskId, "переносим на рабочий сайт");
        logout("/portal/logout");

        Browser.signIn(browser, url("/desk/login"), dev.email());
        browser.get(url("/desk/requests/" + ticket.tid()));
        browser.findElement(By.id("task-" + taskId + "-complete")).click();
        waitForStatus(taskId, "Готово");
        assertThat(browser.findElements(By.cssSelector("#task-history li")))
                .extracting(WebElement::getText)
                .hasSize(6)
                .anySatisfy(t -> assertThat(t).contains("Ждёт приёмки клиентом").contains(dev.fullName()))
                .anySatisfy(t -> assertThat(t)
                        .contains("Перенос на рабочий сайт")
                        .contains(client.contact().fullName()))
                .anySatisfy(t -> assertThat(t).contains("Готово"));
        browser.findElement(By.id("tasks")).click();
        Browser.screenshot(browser, "task-request-timeline");
        logout("/desk/logout");

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/" + ticket.tid()));
        waitForStatus(taskId, "готово");
        Browser.screenshot(browser, "task-portal-done");
        logout("/portal/logout");

        Browser.signIn(browser, url("/desk/login"), data.member(Role.HEAD).email());
        browser.get(url("/desk/admin/calendar?year=2026"));
        assertThat(browser.findElement(By.id("calendar-days")).getText()).contains("Перенос с 3 января");
        Browser.screenshot(browser, "routing-calendar");
    }

    /** After a click the old page may still be there for a moment: wait for the new status. */
    private void waitForStatus(String taskId, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> expected.equals(
                        d.findElement(By.id("task-status-" + taskId)).getText()));
    }

    private void logout(String action) {
        browser.findElement(By.cssSelector("form[action='" + action + "'] button"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("login-submit")).isEmpty());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
