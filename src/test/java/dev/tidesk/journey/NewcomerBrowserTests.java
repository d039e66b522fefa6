package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Role;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rough edges a newcomer hit in the first week, checked where they showed: in Chromium, by the
 * positions and visibility of what people have to reach.
 */
@ExtendWith(BrowserExtension.class)
class NewcomerBrowserTests extends MailTest {

    /** The element's box in the viewport: left, top, right, bottom, and the viewport's width. */
    private static final String BOX = """
            var r = arguments[0].getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height,
                     viewport: document.documentElement.clientWidth };""";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    TaskBoard tasks;

    @Autowired
    dev.tidesk.ticket.RequestTags tags;

    ChromeDriver browser;

    /** The account page is one click on the header's avatar at laptop widths, in the workspace and the portal. */
    @Test
    void theAccountPageIsReachableFromTheHeaderAtLaptopWidths() throws Exception {
        StaffView head = data.member(Role.HEAD);
        Client client = data.client();
        for (String[] area : List.of(new String[] {"/desk", head.email()}, new String[] {"/portal", client.login()})) {
            Browser.signIn(browser, url(area[0] + "/login"), area[1]);
            for (int width : new int[] {1280, 1366, 1440}) {
                browser.manage().window().setSize(new Dimension(width, 800));
                browser.get(url(area[0]));
                WebElement link = browser.findElement(By.id("account-link"));
                assertThat(link.isDisplayed()).as(area[0] + " at " + width).isTrue();
                Map<String, Object> box = box(link);
                assertThat(num(box, "width")).as(area[0] + " at " + width).isGreaterThan(20);
                assertThat(num(box, "right")).as(area[0] + " at " + width).isLessThanOrEqualTo(num(box, "viewport"));
                WebElement logout = browser.findElement(By.cssSelector(".user form button"));
                assertThat(num(box(logout), "right"))
                        .as("log out at " + width)
                        .isLessThanOrEqualTo(num(box, "viewport"));
                if (width == 1280) {
                    Browser.screenshot(browser, "newcomer-header" + area[0].replace('/', '-') + "-1280");
                }
            }
            Browser.clickAndWait(browser, By.id("account-link"));
            assertThat(browser.getCurrentUrl()).endsWith(area[0] + "/account");
            browser.findElement(By.cssSelector(".user form button")).click();
        }
    }

    /**
     * The priority queue's every column, its take button last, fits a laptop's width, whatever the rows
     * hold: the card hid what was wider. This test's rows hold the widest things a row can (on a
     * database of its own they are the whole page); every take button of the first page is checked.
     */
    @Test
    void thePriorityQueueFitsALaptopWithItsTakeButtons() throws Exception {
        StaffView head = data.member(Role.HEAD);
        StaffView agent = data.agent();
        dev.tidesk.ticket.Actor byAgent = dev.tidesk.ticket.Actor.staff(agent.id(), agent.fullName());
        // under a contract: each row then shows its SLA deadline, plan and the reason for its place
        Client client = data.client();
        new dev.tidesk.contract.ContractFixtures(context).sign(client, dev.tidesk.contract.PlanCode.STANDARD, 2);
        List<TicketView> requests = List.of(
                data.request(client, "Не работает форма обратной связи на странице контактов", "С понедельника."),
                // a subject that is one long address, as clients paste them
                data.request(
                        client,
                        "https://shop.example.ru/catalog/elektronika/smartfony/apple-iphone-15-pro",
                        "Не открывается."),
                data.request(client, "Обновить цены в каталоге", "Новый прайс во вложении."));
        // tags as long as a tag may be, each a chip under the subject
        for (String tag :
                List.of("оплата-картой-через-сбербанк-онлайн-сбп", "интеграция-с-1с-обмен-заказами-раз-в-час")) {
            tags.add(requests.get(2).id(), tag, byAgent);
        }
        Browser.signIn(browser, url("/desk/login"), head.email());
        for (int width : new int[] {1280, 1366}) {
            browser.manage().window().setSize(new Dimension(width, 800));
            browser.get(url("/desk?view=UNASSIGNED&sort=PRIORITY"));
            WebElement card = browser.findElement(By.cssSelector(".card.flush:has(table.queue.priority)"));
            List<WebElement> takes = browser.findElements(By.cssSelector("table.queue.priority tbody tr button"));
            assertThat(takes).as("the first page's requests at " + width).hasSizeGreaterThanOrEqualTo(3);
            for (WebElement take : takes) {
                assertThat(take.isDisplayed()).as("take at " + width).isTrue();
                assertThat(num(box(take), "right"))
                        .as("a take button at " + width + " within the card")
                        .isLessThanOrEqualTo(num(box(card), "right"));
            }
            if (width == 1280) {
                Browser.screenshot(browser, "newcomer-priority-queue-1280");
            }
        }
    }

    /** An agent on an admin page and a contact in the workspace see a styled page in Russian, with the way back to their own area. */
    @Test
    void forbiddenPagesAreStyledAndSayWhoIsSignedIn() throws Exception {
        StaffView agent = data.agent();
        Client client = data.client();
        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk/admin/staff"));
        assertForbiddenPage(agent.fullName(), "/desk");
        Browser.screenshot(browser, "newcomer-403-agent-admin");
        browser.get(url("/portal"));
        assertForbiddenPage(agent.fullName(), "/desk");
        browser.findElement(By.cssSelector(".user form button")).click();

        // a contact signs in on the staff login page
        Browser.signIn(browser, url("/desk/login"), client.login());
        assertForbiddenPage(client.contact().fullName(), "/portal");
        assertThat(browser.findElement(By.id("error-signed-in-as")).getText()).contains("контактное лицо клиента");
        Browser.screenshot(browser, "newcomer-403-contact-desk");
        Browser.clickAndWait(browser, By.id("error-home"));
        assertThat(browser.getCurrentUrl()).endsWith("/portal");
    }

    private void assertForbiddenPage(String name, String home) {
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text)
                .contains("403", "Эта страница не для вашей учетной записи.", name)
                .doesNotContain("Whitelabel", "Forbidden", "??");
        // the house style: the dark top bar and the card
        assertThat(browser.findElement(By.cssSelector(".topbar")).getCssValue("background-color"))
                .isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(browser.findElement(By.cssSelector("section.card")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.id("error-home")).getAttribute("href"))
                .endsWith(home);
        assertThat(browser.findElement(By.id("account-link")).getAttribute("href"))
                .endsWith(home + "/account");
    }

    /** On a 390 px phone the portal's header fits: every menu item, RU/EN and "Выйти" are on screen; the progress steps too. */
    @Test
    void thePortalFitsAPhone() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(
                client,
                "Не работает форма обратной связи на странице контактов",
                "Письма с формы не приходят с понедельника.");
        browser.manage().window().setSize(new Dimension(390, 844));
        Browser.signIn(browser, url("/portal/login"), client.login());
        for (String page : List.of("/portal", "/portal/requests/" + ticket.tid())) {
            browser.get(url(page));
            List<WebElement> reachable =
                    new java.util.ArrayList<>(browser.findElements(By.cssSelector(".topbar .mainnav a")));
            reachable.addAll(browser.findElements(By.cssSelector(".topbar .langs a")));
            reachable.add(browser.findElement(By.id("account-link")));
            reachable.add(browser.findElement(By.cssSelector(".user form button")));
            assertThat(reachable).hasSize(7);
            for (WebElement e : reachable) {
                Map<String, Object> box = box(e);
                assertThat(e.isDisplayed()).as(page + ": " + e.getText()).isTrue();
                assertThat(num(box, "left")).as(page + ": " + e.getText()).isGreaterThanOrEqualTo(0);
                assertThat(num(box, "right")).as(page + ": " + e.getText()).isLessThanOrEqualTo(num(box, "viewport"));
            }
            WebElement header = browser.findElement(By.cssSelector(".topbar-inner"));
            assertThat(((Number) browser.executeScript("return arguments[0].scrollWidth;", header)).doubleValue())
                    .as(page + ": header width")
                    .isLessThanOrEqualTo(390);
        }
        assertThat(browser.findElement(By.cssSelector(".topbar .mainnav")).getText())
                .contains("Договор");
        List<WebElement> steps = browser.findElements(By.cssSelector("ol.progress li"));
        assertThat(steps).hasSize(4);
        for (WebElement step : steps) {
            Map<String, Object> box = box(step);
            assertThat(num(box, "right")).as(step.getText()).isLessThanOrEqualTo(num(box, "viewport"));
            // the step's words are shown whole: the text fits its box
            assertThat(((Number) browser.executeScript(
                                    "return arguments[0].scrollWidth - arguments[0].clientWidth;", step))
                            .intValue())
                    .as(step.getText())
                    .isLessThanOrEqualTo(0);
        }
        Browser.screenshot(browser, "newcomer-portal-390");
    }

    /** The task table's buttons, "Отменить задачу" among them, stay inside the task card at 1280 px. */
    @Test
    void theTaskButtonsStayInsideTheirCard() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView dev = staff.hire(
                "Пётр Разработчиков",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        TicketView ticket = data.request(client, "Обновить модуль оплаты", "Банк прислал письмо.");
        TaskView task = tasks.create(
                new NewTask(
                        ticket.id(),
                        Specialty.DEVELOPER,
                        dev.id(),
                        "Обновление модуля оплаты до новой версии SDK банка",
                        "Проверить возвраты и повторные платежи.",
                        new BigDecimal("3"),
                        Environment.TEST),
                agent.fullName());
        tasks.start(task.id(), dev.id(), dev.fullName());
        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.signIn(browser, url("/desk/login"), agent.email());
        browser.get(url("/desk/requests/" + ticket.tid()));
        WebElement card = browser.findElement(By.id("tasks"));
        Map<String, Object> cardBox = box(card);
        List<WebElement> buttons = card.findElements(By.cssSelector(".task-actions button"));
        assertThat(buttons).extracting(WebElement::getText).contains("Отменить задачу");
        for (WebElement button : buttons) {
            Map<String, Object> box = box(button);
            assertThat(num(box, "right")).as(button.getText()).isLessThanOrEqualTo(num(cardBox, "right"));
        }
        assertThat(((Number) browser.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth;", card))
                        .intValue())
                .as("the card does not overflow")
                .isLessThanOrEqualTo(0);
        browser.executeScript("arguments[0].scrollIntoView();", card);
        Browser.screenshot(browser, "newcomer-task-card-1280");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> box(WebElement element) {
        return (Map<String, Object>) browser.executeScript(BOX, element);
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
