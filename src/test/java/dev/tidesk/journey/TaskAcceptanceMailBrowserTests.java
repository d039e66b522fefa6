package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskStatus;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R14 by e-mail: the mail the client receives over SMTP carries Accept and Decline links; the
 * client follows Accept without signing in (the link is the authority), accepts on the page, and is
 * offered a link to set a portal password; the same link does not work twice and a forged one is
 * not found. The contract sends all work via the test copy, so the developer's
 * deploy suggests a test-copy sync entry, logged in one click.
 */
@ExtendWith(BrowserExtension.class)
class TaskAcceptanceMailBrowserTests extends MailTest {

    static final Pattern ACCEPT = Pattern.compile("(/portal/answer/test-copy/[A-Za-z0-9_-]{43})\\?answer=accept");

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    TaskBoard board;

    @Autowired
    OutboxSender sender;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    WorkLog workLog;

    ChromeDriver browser;

    @Test
    void theClientAcceptsByTheMailsLinkOnceAndAForgedLinkIsNotFound() throws Exception {
        Client client = data.client();
        terms.update(client.organization().id(), 0, null, 2, 16, true);
        TicketView ticket = data.request(client, "Обновить корзину", "Хотим новую корзину");
        StaffView dev = staff.hire(
                "Олег Корзинкин",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        TaskView task = board.create(
                new NewTask(
                        ticket.id(),
                        Specialty.DEVELOPER,
                        dev.id(),
                        "Новая корзина",
                        null,
                        new BigDecimal("4"),
                        Environment.TEST),
                "Агент");
        board.start(task.id(), dev.id(), dev.fullName());
        board.readyOnTestCopy(task.id(), dev.id(), dev.fullName());

        sender.sendDue();
        MimeMessage mail = sentTo(client.login()).stream()
                .filter(m -> subject(m).contains("Проверьте на тестовой копии"))
                .findFirst()
                .orElseThrow();
        String body = String.join("\n", texts(mail));
        assertThat(body).contains(client.site().testUrl()).contains("answer=decline");
        Matcher m = ACCEPT.matcher(body);
        assertThat(m.find()).as("accept link in %s", body).isTrue();
        String link = m.group(1);

        // the link opens the page without signing in
        browser.get(url(link + "?answer=accept"));
        assertThat(browser.getCurrentUrl()).contains(link);
        assertThat(browser.findElements(By.id("username")))
                .as("no sign-in form")
                .isEmpty();
        assertThat(browser.findElement(By.id("task-answer-title")).getText()).isEqualTo("Новая корзина");
        assertThat(browser.findElement(By.id("answer-tid")).getText()).isEqualTo(ticket.tid());
        assertThat(browser.findElement(By.id("task-answer-test-url")).getText())
                .isEqualTo(client.site().testUrl());
        Browser.screenshot(browser, "task-link-answer");
        Browser.clickAndWait(browser, By.id("task-link-accept"));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().endsWith(link + "/done"));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);
        assertThat(browser.findElement(By.id("answer-done-text")).getText()).contains("Вы приняли изменение");
        Browser.screenshot(browser, "task-link-done");
        // the offer to set a portal password mails a link to the contact's address
        Browser.clickAndWait(browser, By.id("answer-password-send"));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Ссылка отправлена");
        sender.sendDue();
        assertThat(sentTo(client.login()).stream().map(MailTest::subject)).contains("Новый пароль");

        // the second use shows why nothing happens, and offers no buttons
        browser.get(url(link + "?answer=accept"));
        assertThat(browser.findElement(By.id("link-state")).getText()).contains("ссылка действует один раз");
        assertThat(browser.findElements(By.id("task-link-accept"))).isEmpty();
        Browser.screenshot(browser, "task-link-used");

        // a forged token
        browser.get(url("/portal/answer/test-copy/" + "A".repeat(43) + "?answer=accept"));
        assertThat(browser.getPageSource()).contains("404").contains("Такой ссылки нет");
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);

        // the contract sends all work via the test copy: the deploy suggests the sync entry
        Browser.signIn(browser, url("/desk/login"), dev.email());
        browser.get(url("/desk/requests/" + ticket.tid()));
        Browser.clickAndWait(browser, By.id("task-" + task.id() + "-complete"));
        assertThat(browser.findElement(By.id("sync-comment-" + task.id())).getAttribute("value"))
                .isEqualTo("Синхронизация тестовой копии после «Новая корзина»");
        browser.findElement(By.id("tasks")).click();
        Browser.screenshot(browser, "task-sync-suggestion");
        Browser.clickAndWait(browser, By.id("sync-confirm-" + task.id()));
        assertThat(workLog.entriesOf(ticket.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(WorkKind.TEST_COPY_SYNC));
        assertThat(browser.findElements(By.id("sync-confirm-" + task.id()))).isEmpty();
    }

    @Test
    void theCalendarOf2027SaysTheDecreesTransfersAreEnteredThere() throws Exception {
        Browser.signIn(browser, url("/desk/login"), data.member(Role.HEAD).email());
        browser.get(url("/desk/admin/calendar?year=2027"));
        assertThat(browser.findElement(By.id("calendar-decree")).getText()).contains("постановлению Правительства");
        assertThat(browser.findElement(By.id("calendar-days")).getText()).contains("Перенос с 9 мая");
        Browser.screenshot(browser, "routing-calendar-2027");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
