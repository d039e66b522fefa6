package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A head of support goes through a client's three directory pages, the client itself, its site and
 * its contact: each has the same head (the way back to the client, the name, a badge once
 * deactivated), the same card to deactivate or reactivate it, and the same history card.
 */
@ExtendWith(BrowserExtension.class)
class DirectoryPagesBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @Test
    void aHeadRenamesTheClientDeactivatesItsSiteAndOpensItsContact() throws Exception {
        Client client = data.client();
        StaffView head = data.member(Role.HEAD);
        String clientPage = "/desk/admin/organizations/" + client.organization().id();
        Browser.signIn(browser, url("/desk/login"), head.email());

        browser.get(url(clientPage + "/edit"));
        WebElement name = browser.findElement(By.name("name"));
        name.clear();
        name.sendKeys("ООО «Ромашка-Сервис»");
        Browser.clickAndWait(browser, By.id("save"));
        browser.get(url(clientPage + "/edit"));
        assertThat(browser.findElement(By.cssSelector(".page-head h1")).getText())
                .isEqualTo("Данные клиента");
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText())
                .isEqualTo("Справочник клиентов / ООО «Ромашка-Сервис» /");
        assertThat(browser.findElement(By.id("directory-history")).getText()).contains("ООО «Ромашка-Сервис»");
        assertThat(browser.findElements(By.id("inactive-badge"))).isEmpty();
        assertThat(browser.findElement(By.id("deactivate")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "directory-organization");

        browser.get(url("/desk/directory/sites/" + client.site().id()));
        Browser.clickAndWait(browser, By.id("deactivate"));
        assertThat(browser.findElement(By.cssSelector(".page-head h1")).getText())
                .contains(client.site().name())
                .contains("отключ");
        assertThat(browser.findElement(By.id("inactive-badge")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".crumbs a")).getAttribute("href"))
                .endsWith(clientPage);
        assertThat(browser.findElement(By.id("reactivate")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("deactivate"))).isEmpty();
        assertThat(browser.findElement(By.id("directory-history")).getText()).contains(head.fullName());
        Browser.screenshot(browser, "directory-site-deactivated");

        browser.get(url("/desk/directory/contacts/" + client.contact().id()));
        assertThat(browser.findElement(By.cssSelector(".page-head h1")).getText())
                .isEqualTo(client.contact().fullName());
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText()).isEqualTo("ООО «Ромашка-Сервис» /");
        assertThat(browser.findElement(By.cssSelector(".side-col")).getText()).contains("Отключить", "личный кабинет");
        assertThat(browser.findElements(By.cssSelector(".card h3")))
                .extracting(h -> h.getAttribute("textContent")) // the headings are set in capitals
                .contains("Данные контакта", "История изменений");
        Browser.screenshot(browser, "directory-contact-head");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
