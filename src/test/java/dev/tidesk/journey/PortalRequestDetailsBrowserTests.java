package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client opens a request in the portal on a laptop and on a phone: the details card beside the
 * conversation shows when the request was updated on one line, the date never broken inside it.
 */
@ExtendWith(BrowserExtension.class)
class PortalRequestDetailsBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @Test
    void theUpdatedDateAndTheSiteOfTheDetailsCardStayOnOneLineOnALaptopAndAPhone() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Не открывается каталог", "Страница каталога отдаёт ошибку.");
        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/" + ticket.tid()));

        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            WebElement status = dd("Статус");
            WebElement updated = dd("Обновлено");
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", updated);
            Browser.screenshot(browser, "portal-request-details-" + width);
            assertThat(updated.getText()).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
            assertThat(updated.getRect().getHeight())
                    .as("at %d px the date is one line, as high as the status beside it", width)
                    .isEqualTo(status.getRect().getHeight());
            assertThat((Boolean) browser.executeScript(
                            "const r = arguments[0].getBoundingClientRect(), c = arguments[0].closest('.card').getBoundingClientRect();"
                                    + " return r.right <= c.right;",
                            updated))
                    .as("at %d px the date stays inside its card", width)
                    .isTrue();
            WebElement site = dd("Сайт");
            assertThat(site.getRect().getHeight())
                    .as("at %d px the site's name is not broken inside a word", width)
                    .isEqualTo(status.getRect().getHeight());
            assertThat((Boolean) browser.executeScript(
                            "const r = arguments[0].getBoundingClientRect(), c = arguments[0].closest('.card').getBoundingClientRect();"
                                    + " return r.right <= c.right;",
                            site))
                    .as("at %d px the site's name stays inside its card", width)
                    .isTrue();
        }
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theListOfAClientWithMoreRequestsThanTheCapSaysMoreThanInItsPagerOnALaptopAndAPhone() throws Exception {
        Client client = data.client();
        TicketView first = data.request(client, "Самое новое обращение", "Текст");
        String mark = "PCAP-" + System.nanoTime() + "-";
        try {
            data.copies(
                    first, mark, 700_000_000L, 1, dev.tidesk.ticket.RequestQueries.ORGANIZATION_COUNT_CAP, "CLOSED");
            Browser.signIn(browser, url("/portal/login"), client.login());
            browser.get(url("/portal"));
            for (int width : new int[] {1280, 390}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                WebElement many = browser.findElement(By.id("pager-many"));
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", many);
                Browser.screenshot(browser, "portal-list-many-" + width);
                assertThat(many.getText().replaceAll("[\\u00a0\\u202f]", " "))
                        .isEqualTo("Страница 1 (всего больше 10 000)");
                assertThat((Boolean) browser.executeScript(
                                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                        .as("at %d px the page is no wider than the window", width)
                        .isTrue();
            }
            assertThat(browser.findElement(By.cssSelector("table")).getText()).contains(first.tid());
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
            jdbc.update("delete from ticket where tid like ?", mark + "%");
        }
    }

    /** The value beside a label of the details card. */
    private WebElement dd(String label) {
        return browser.findElement(
                By.xpath("//dl[@class='props']/dt[normalize-space()='" + label + "']/following-sibling::dd[1]"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
