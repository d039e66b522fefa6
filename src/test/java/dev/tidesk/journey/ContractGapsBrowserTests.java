package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.alert.StoredAlertView;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.customer.Customers;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the contact answers a deferral on the request page and turns on the monthly
 * statement; the statement page offers the PDF; the personal manager acknowledges a stored alert.
 */
@ExtendWith(BrowserExtension.class)
class ContractGapsBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    Deferrals deferrals;

    @Autowired
    Customers customers;

    @Autowired
    WorkLog workLog;

    ChromeDriver browser;

    @Test
    void aContactAcceptsADeferralOnTheRequestPageAndAsksForTheMonthlyStatement() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        fixtures.sign(client, PlanCode.ECONOMY, 1);
        TicketView big = fixtures.request(data, client, "Большая доработка каталога", 1);
        fixtures.log(big, agent, 1, 8);
        fixtures.log(big, agent, 0, 10);
        TicketView t = data.request(client, "Поменять шрифт в подвале сайта", "Сейчас он слишком мелкий.");
        deferrals.propose(t.id(), Actor.staff(agent.id(), agent.fullName()));

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/" + t.tid()));
        assertThat(browser.findElement(By.id("request-deferral")).getText()).contains("Выполнить в следующем месяце?");
        Browser.screenshot(browser, "portal-request-deferral");
        Browser.clickAndWait(browser, By.id("request-deferral-accept"));
        assertThat(browser.findElement(By.id("request-deferred-until")).getText())
                .startsWith("Обращение отложено до 1 ");
        assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("Отложено");
        Browser.screenshot(browser, "portal-request-deferred");

        browser.get(url("/portal/account"));
        browser.findElement(By.id("monthly-statement")).click();
        Browser.clickAndWait(browser, By.cssSelector("#statement-form button"));
        assertThat(browser.findElement(By.id("monthly-statement")).isSelected()).isTrue();
        assertThat(customers.contact(client.contact().id()).monthlyStatement()).isTrue();
        Browser.screenshot(browser, "portal-account-statement");

        browser.get(url(
                "/portal/contract/statements/" + YearMonth.from(workLog.today()).minusMonths(1)));
        assertThat(browser.findElement(By.id("statement-pdf")).getText()).isEqualTo("Скачать PDF");
        Browser.screenshot(browser, "portal-statement-pdf-link");
        logout("/portal/logout");

        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk/requests/" + t.tid()));
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("Предложено перенести на ")
                .contains("Клиент согласился перенести на ");
        browser.executeScript("document.getElementById('history').scrollIntoView()");
        Browser.screenshot(browser, "desk-request-deferral-history");
    }

    @Test
    void thePersonalManagerAcknowledgesAStoredOverrunAlert() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        ContractFixtures.ManagedOverrun overrun = fixtures.managedOverrun(data);
        TestData.Client client = overrun.client();
        StaffView manager = overrun.manager();
        ContractView c = overrun.contract();
        StoredAlertView alert = overrun.alert();

        Browser.signIn(browser, url("/desk/login"), manager.email());
        browser.get(url("/desk/contracts/alerts"));
        assertThat(browser.findElement(By.id("stored-alert-" + alert.id())).getText())
                .contains(client.organization().name())
                .contains("Регулярное превышение");
        Browser.screenshot(browser, "desk-stored-alerts");
        Browser.clickAndWait(browser, By.cssSelector("#stored-alert-" + alert.id() + " form button"));
        assertThat(browser.findElements(By.id("stored-alert-" + alert.id()))).isEmpty();
        assertThat(browser.findElement(By.id("acknowledged-alerts")).getText()).contains(manager.fullName());
        Browser.screenshot(browser, "desk-alert-acknowledged");
    }

    private void logout(String action) {
        Browser.clickAndWait(browser, By.cssSelector("form[action='" + action + "'] button"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
