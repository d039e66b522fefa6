package dev.tidesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
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
 * "Вопрос решён?" from the mail: the resolution mail the client receives over SMTP asks with two links;
 * the client follows "No" without signing in, writes why and sends it; the rating is recorded, the
 * personal manager sees it on the request page and the same link does not work twice.
 */
@ExtendWith(BrowserExtension.class)
class RatingMailBrowserTests extends MailTest {

    static final Pattern BAD = Pattern.compile("(/portal/answer/rating/[A-Za-z0-9_-]{43})\\?answer=bad");

    @LocalServerPort
    int port;

    @Autowired
    RequestDesk desk;

    @Autowired
    OutboxSender sender;

    @Autowired
    Satisfaction satisfaction;

    @Autowired
    ClientTermsBook terms;

    ChromeDriver browser;

    @Test
    void theClientSaysByTheMailsLinkThatTheQuestionIsNotSolved() throws Exception {
        Client client = data.client();
        StaffView manager = data.member(Role.MANAGER);
        terms.update(client.organization().id(), 0, manager.id(), 1, 8, false);
        TicketView ticket = data.request(client, "Не приходят заявки с сайта", "Форма на странице контактов молчит");
        Actor agent = Actor.staff(manager.id(), manager.fullName());
        desk.assign(ticket.id(), manager.id(), manager.fullName(), agent);
        desk.reply(ticket.id(), agent, "Исправили настройки почты, проверьте, пожалуйста.", java.util.List.of());
        desk.changeStatus(ticket.id(), Status.RESOLVED, agent);

        sender.sendDue();
        MimeMessage mail = null;
        for (MimeMessage candidate : sentTo(client.login())) {
            if (String.join("\n", texts(candidate)).contains("Вопрос решён?")) {
                mail = candidate;
            }
        }
        assertThat(mail).as("the resolution mail").isNotNull();
        String body = String.join("\n", texts(mail));
        assertThat(body).contains("Да, решён").contains("Нет, не решён").contains("answer=good");
        Matcher m = BAD.matcher(body);
        assertThat(m.find()).as("the 'no' link in %s", body).isTrue();
        String link = m.group(1);

        // no session: the link opens the question with "no" chosen
        browser.get(url(link + "?answer=bad"));
        assertThat(browser.findElements(By.id("username")))
                .as("no sign-in form")
                .isEmpty();
        assertThat(browser.findElement(By.id("answer-tid")).getText()).isEqualTo(ticket.tid());
        assertThat(browser.findElement(By.id("rating-bad")).getAttribute("class"))
                .contains("primary");
        browser.findElement(By.id("rating-comment")).sendKeys("Заявки так и не приходят на почту менеджера");
        Browser.screenshot(browser, "rating-link-question");
        Browser.clickAndWait(browser, By.id("rating-bad"));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().endsWith(link + "/done"));
        assertThat(browser.findElement(By.id("answer-done-text")).getText()).contains("вопрос не решён");
        Browser.screenshot(browser, "rating-link-done");
        assertThat(satisfaction.of(ticket.id())).hasValueSatisfying(r -> {
            assertThat(r.good()).isFalse();
            assertThat(r.comment()).isEqualTo("Заявки так и не приходят на почту менеджера");
        });

        // the link works once
        browser.get(url(link + "?answer=good"));
        assertThat(browser.findElement(By.id("link-state")).getText()).contains("ссылка действует один раз");
        assertThat(browser.findElements(By.id("rating-good"))).isEmpty();
        assertThat(satisfaction.of(ticket.id()).orElseThrow().good()).isFalse();

        // the personal manager sees it on the request and in the bell
        Browser.signIn(browser, url("/desk/login"), manager.email());
        browser.get(url("/desk/requests/" + ticket.tid()));
        assertThat(browser.findElement(By.id("rating-grade")).getText()).isEqualTo("Вопрос не решён");
        assertThat(browser.findElement(By.id("rating-comment-shown")).getText())
                .isEqualTo("Заявки так и не приходят на почту менеджера");
        Browser.screenshot(browser, "rating-on-request");
    }

    @Test
    void aSignedInContactRatesTheResolvedRequestOnItsPortalPage() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Обновить реквизиты в подвале", "Новые реквизиты во вложении");
        Actor staff = Actor.staff(agent.id(), agent.fullName());
        desk.assign(ticket.id(), agent.id(), agent.fullName(), staff);
        desk.changeStatus(ticket.id(), Status.RESOLVED, staff);

        Browser.signIn(browser, url("/portal/login"), client.login());
        browser.get(url("/portal/requests/" + ticket.tid()));
        assertThat(browser.findElement(By.id("rating")).getText()).contains("Вопрос решён?");
        Browser.screenshot(browser, "rating-portal-question");
        browser.findElement(By.id("rating-comment")).sendKeys("Спасибо, всё верно");
        Browser.clickAndWait(browser, By.id("rating-good"));
        assertThat(browser.findElement(By.id("rating-grade")).getText()).isEqualTo("Вопрос решён");
        assertThat(browser.findElement(By.id("rating-comment-shown")).getText()).isEqualTo("Спасибо, всё верно");
        assertThat(browser.findElements(By.id("rating-good")))
                .as("rated: no form")
                .isEmpty();
        Browser.screenshot(browser, "rating-portal-rated");
        assertThat(satisfaction.of(ticket.id()).orElseThrow().good()).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
