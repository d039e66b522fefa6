package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.customer.Customers;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestTags;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent on a request page: the client phoned with a new number, so the agent opens the contact
 * from the request, changes the phone, and tags the request, picking the tag colleagues already use;
 * the queue shows the tag and narrows to it.
 */
@ExtendWith(BrowserExtension.class)
class DirectoryAndTagsBrowserTests extends MailTest {

    @LocalServerPort
    int port;

    @Autowired
    Customers customers;

    @Autowired
    RequestTags tags;

    ChromeDriver browser;

    @Test
    void anAgentEditsTheCallersContactAndTagsTheRequest() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView earlier = data.request(client, "Ошибка оплаты в прошлом месяце", "Платёж не прошёл.");
        tags.add(earlier.id(), "оплата", dev.tidesk.ticket.Actor.system());
        TicketView ticket = data.request(client, "Снова не проходит оплата", "Карта отклонена на шаге оплаты.");

        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk/requests/" + ticket.tid()));
        Browser.clickAndWait(browser, By.id("edit-contact"));
        assertThat(browser.getCurrentUrl())
                .endsWith("/desk/directory/contacts/" + client.contact().id());

        WebElement phone = browser.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys("+7 (916) 123-45-67");
        WebElement extra = browser.findElement(By.id("extraEmails"));
        extra.sendKeys("buh@" + client.organization().emailDomain());
        Browser.clickAndWait(browser, By.id("save"));
        assertThat(browser.findElement(By.id("directory-history")).getText())
                .contains("Телефон")
                .contains("+7 (916) 123-45-67");
        Browser.screenshot(browser, "directory-contact-edited");
        assertThat(customers.contact(client.contact().id()).phone()).isEqualTo("+7 (916) 123-45-67");

        browser.get(url("/desk/requests/" + ticket.tid()));
        assertThat(browser.findElement(By.id("tag-suggestions")).getAttribute("innerHTML"))
                .contains("оплата");
        browser.findElement(By.id("tag-input")).sendKeys("  Оплата ");
        Browser.clickAndWait(browser, By.id("tag-add"));
        assertThat(browser.findElement(By.id("request-tags")).getText()).contains("оплата");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("добавлен тег")
                .contains("оплата");
        Browser.screenshot(browser, "request-tagged");

        // newest first: the request is on the first page however many the suite has made
        browser.get(url("/desk?view=OPEN&sort=NEWEST"));
        Browser.clickAndWait(browser, By.cssSelector("#q-" + ticket.tid() + " .row-tags a.tag"));
        assertThat(browser.findElement(By.id("tag-filter")).getText()).contains("оплата");
        assertThat(browser.findElements(By.cssSelector("tr.request-row")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains(ticket.tid()))
                .anySatisfy(row -> assertThat(row).contains(earlier.tid()))
                .allSatisfy(row -> assertThat(row).contains("оплата"));
        Browser.screenshot(browser, "queue-filtered-by-tag");
    }

    @Test
    void aHeadDeactivatesAnAgentAfterSeeingWhatGoesBackToTheQueue() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Обновить баннер на главной", "Нужен новый баннер.");
        desk.assign(ticket.id(), agent.id(), agent.fullName(), dev.tidesk.ticket.Actor.system());
        StaffView head = data.member(dev.tidesk.identity.Role.HEAD);

        Browser.signIn(browser, url("/desk/login"), head.email());
        browser.get(url("/desk/admin/staff"));
        Browser.clickAndWait(browser, By.linkText(agent.fullName()));
        Browser.clickAndWait(browser, By.id("deactivate"));
        assertThat(browser.findElement(By.id("open-requests")).getText()).contains(ticket.tid());
        Browser.screenshot(browser, "staff-deactivate-confirm");
        Browser.clickAndWait(browser, By.id("confirm-deactivate"));
        assertThat(browser.findElement(By.id("inactive-badge")).getText()).isEqualTo("отключён");
        assertThat(browser.findElement(By.id("staff-history")).getText()).contains("отключён");
        Browser.screenshot(browser, "staff-deactivated");

        browser.get(url("/desk/requests/" + ticket.tid()));
        assertThat(browser.findElement(By.id("conversation")).getText())
                .contains(agent.fullName() + " отключён: обращение вернулось в очередь.");
    }

    @Autowired
    dev.tidesk.ticket.RequestDesk desk;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
