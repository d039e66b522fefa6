package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.Agency;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.Requisites;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client's director opens the statement of a closed month, then its акт: an A4 sheet with both
 * parties, the work and the signatures; printed, the buttons are gone and the sheet is the page.
 */
@ExtendWith(BrowserExtension.class)
class ActBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkLog workLog;

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    Agency agency;

    @Autowired
    Customers customers;

    ChromeDriver browser;

    @Test
    void theDirectorOpensThePrintableActOfAClosedMonth() throws Exception {
        TestData data = new TestData(context);
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView banner = fixtures.request(data, client, "Обновить баннер на главной странице", 2);
        TicketView prices = fixtures.request(data, client, "Загрузить новый прайс-лист и проверить ссылки", 2);
        fixtures.sign(client, PlanCode.STANDARD, 2);
        fixtures.log(banner, agent, 1, 5);
        fixtures.log(prices, agent, 1, 3);
        YearMonth last = YearMonth.from(workLog.today()).minusMonths(1);
        monthlyClose.close(last);
        agency.change(
                new Requisites(
                        "ООО «Веб-Студия Прибой»",
                        "7701234567",
                        "770101001",
                        "1027700132195",
                        "125009, г. Москва, ул. Тверская, д. 1, офис 12",
                        "40702810400000012345",
                        "ПАО Сбербанк",
                        "044525225",
                        "30101810400000000225",
                        "Орлова Е. В.",
                        "Генеральный директор"),
                "test");
        customers.changeRequisites(
                client.organization().id(),
                new Requisites(
                        "ООО «Ромашка»",
                        "7707083893",
                        "773601001",
                        null,
                        "117997, г. Москва, ул. Вавилова, д. 19",
                        null,
                        null,
                        null,
                        null,
                        "Смирнов А. П.",
                        "Директор"));

        browser.manage().window().setSize(new Dimension(1000, 1400));
        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/contract/statements/" + last));
        Browser.clickAndWait(browser, By.id("statement-act"));

        assertThat(browser.findElement(By.id("act-title")).getText()).startsWith("Акт №");
        assertThat(browser.findElement(By.id("act-contractor")).getText())
                .contains("ООО «Веб-Студия Прибой»")
                .contains("ИНН 7701234567");
        assertThat(browser.findElement(By.id("act-customer")).getText()).contains("ИНН 7707083893");
        assertThat(browser.findElement(By.id("act-total")).getText()).isEqualTo("8");
        String family = (String)
                browser.executeScript("return getComputedStyle(document.getElementById('act-title')).fontFamily");
        assertThat(family).contains("Liberation Sans");
        Object loaded = browser.executeAsyncScript("var done = arguments[0]; document.fonts.ready.then(function () {"
                + " done(document.fonts.check('bold 14px \"Liberation Sans\"')); });");
        assertThat(loaded).as("the shipped bold face is loaded").isEqualTo(true);
        assertThat(browser.findElement(By.id("act-pdf")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "act-printable");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.id("act-pdf")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "act-printable-print-media");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        browser.get(url("/portal/contract/statements/" + last + "/act?lang=en"));
        assertThat(browser.findElement(By.id("act-title")).getText()).startsWith("Certificate of services rendered");
        Browser.screenshot(browser, "act-printable-en");
        browser.get(url("/portal/contract/statements/" + last + "/act?lang=ru"));

        // on a phone the sheet takes the screen's width and its text wraps
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("page wider than the phone")
                .isLessThanOrEqualTo(0);
        Browser.screenshot(browser, "act-printable-phone");
    }

    @Test
    void theAdminEntersTheAgencysRequisitesAndAWrongInnComesBackWithTheReason() throws Exception {
        TestData data = new TestData(context);
        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.signIn(
                browser,
                url("/desk/login"),
                data.member(dev.tidesk.identity.Role.ADMIN).email());
        browser.get(url("/desk/admin/requisites"));
        Browser.screenshot(browser, "admin-requisites");
        var name = browser.findElement(By.name("legalName"));
        name.clear();
        name.sendKeys("ООО «Веб-Студия Прибой»");
        var inn = browser.findElement(By.name("inn"));
        inn.clear();
        inn.sendKeys("77012345");
        Browser.clickAndWait(browser, By.cssSelector("#agency-requisites button[type=submit]"));
        assertThat(browser.findElement(By.id("requisites-errors")).getText())
                .contains("ИНН: 10 цифр у организации, 12 у индивидуального предпринимателя.");
        assertThat(browser.findElement(By.name("inn")).getAttribute("value")).isEqualTo("77012345");
        Browser.screenshot(browser, "admin-requisites-error");
        inn = browser.findElement(By.name("inn"));
        inn.clear();
        inn.sendKeys("7701 234 567");
        Browser.clickAndWait(browser, By.cssSelector("#agency-requisites button[type=submit]"));
        assertThat(browser.findElement(By.name("inn")).getAttribute("value")).isEqualTo("7701234567");

        browser.get(
                url("/desk/admin/organizations/" + data.client().organization().id()));
        browser.executeScript("document.getElementById('requisites').scrollIntoView()");
        Browser.screenshot(browser, "admin-client-requisites");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
