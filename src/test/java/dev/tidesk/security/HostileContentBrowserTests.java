package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.Browser;
import dev.tidesk.BrowserExtension;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile content in Chromium: mails, portal requests and replies, staff notes and API submissions
 * carrying script payloads of every common class, opened as an agent, an admin and the client. An
 * execution detector (injected into every document before its own scripts, so CSP does not stop it)
 * records any alert, confirm or prompt and any payload that ran; the test asks for 0 executions.
 */
@ExtendWith(BrowserExtension.class)
class HostileContentBrowserTests extends MailTest {

    /** What a payload does when it runs: calls the detector and marks the document. */
    static final String RUN = "alert(7);document.documentElement.setAttribute('data-pwned','1')";

    /** One of each common class of script injection. */
    static final List<String> PAYLOADS = List.of(
            "<script>" + RUN + "</script>",
            "<img src=x onerror=\"" + RUN + "\">",
            "<svg onload=\"" + RUN + "\"></svg>",
            "<svg><script>" + RUN + "</script></svg>",
            "<body onload=\"" + RUN + "\">",
            "<a href=\"javascript:" + RUN + "\" id=\"jslink\">click</a>",
            "<a href=\"data:text/html;base64,"
                    + Base64.getEncoder()
                            .encodeToString(("<script>" + RUN + "</script>").getBytes(StandardCharsets.UTF_8))
                    + "\">data link</a>",
            "<iframe src=\"javascript:" + RUN + "\"></iframe>",
            "<iframe srcdoc=\"<script>" + RUN + "</script>\"></iframe>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + RUN + "\">",
            "<div style=\"background:url(javascript:" + RUN + ")\">css</div>",
            "<style>@import 'javascript:" + RUN + "';</style>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"" + RUN + "\">",
            "<details open ontoggle=\"" + RUN + "\">",
            "\"><script>" + RUN + "</script>",
            "'';!--\"<XSS>=&{()}<img src=x onerror=" + RUN.replace(" ", "") + ">",
            "<object data=\"data:text/html,<script>" + RUN + "</script>\"></object>",
            "<form action=\"javascript:" + RUN + "\"><button id=x>go</button></form>",
            "<input autofocus onfocus=\"" + RUN + "\">",
            "<video><source onerror=\"" + RUN + "\"></video>");

    static final String DETECTOR = """
            window.__hits = [];
            const hit = (m) => { try { (window.top.__hits || window.__hits).push(String(m)); } catch (e) { window.__hits.push(String(m)); } };
            window.alert = hit; window.confirm = (m) => { hit(m); return false; }; window.prompt = (m) => { hit(m); return null; };
            """;

    @LocalServerPort
    int port;

    @Autowired
    MailIntake intake;

    @Autowired
    RequestIntake requests;

    @Autowired
    RequestDesk desk;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @Test
    void noPayloadRunsInAnyPageOfAgentAdminOrClient() throws Exception {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        StaffView admin = data.member(Role.ADMIN);
        String all = String.join("\n", PAYLOADS);
        List<Long> tickets = new ArrayList<>();
        List<Long> inbound = new ArrayList<>();

        // 1. mail: an HTML body with every payload, an RFC 2047 subject and file names with script,
        //    an HTML attachment and an SVG with script inline and attached
        InboundView mail =
                intake.receive("hostile", hostileMail(client.contact().email()));
        inbound.add(mail.id());
        assertThat(mail.ticketId())
                .as("the hostile mail opened a request: %s", mail.outcome())
                .isNotNull();
        tickets.add(mail.ticketId());

        // 2. the portal's way in: a request and a reply by the contact, with a hostile file
        TicketView portal = requests.open(new NewRequest(
                "<script>" + RUN + "</script> портал",
                all,
                client.contact().id(),
                client.site().id(),
                Channel.PORTAL,
                Urgency.NORMAL,
                List.of(new NewAttachment(
                        "<img src=x onerror=alert(7)>.html",
                        "text/html",
                        ("<script>" + RUN + "</script>").getBytes(StandardCharsets.UTF_8))),
                Actor.contact(client.contact().id(), client.contact().fullName())));
        tickets.add(portal.id());
        desk.clientReply(
                portal.id(),
                Actor.contact(client.contact().id(), client.contact().fullName()),
                all,
                List.of());
        // 3. the workspace's way in: a staff reply and an internal note
        desk.reply(portal.id(), Actor.staff(agent.id(), "<script>" + RUN + "</script>"), all, List.of());
        desk.note(portal.id(), Actor.staff(agent.id(), agent.fullName()), all, List.of());
        // 4. the API
        String token = tokens.issue(accountId(agent.email()), "<script>" + RUN + "</script>");
        String json = "{\"contactEmail\":\"" + client.contact().email() + "\",\"subject\":"
                + quote("<svg onload=\"" + RUN + "\"> API") + ",\"body\":" + quote(all) + "}";
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/requests")))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String apiTid = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        Map<String, Object> detector = Map.of("source", DETECTOR);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", detector);
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
        // the detector itself works: a page that does run the payload is caught
        browser.get("data:text/html;charset=utf-8,<p>control</p><img src=x onerror=\"" + RUN + "\">");
        Thread.sleep(300);
        assertThat(browser.executeScript("return window.__hits.join(',')"))
                .as("the detector sees a payload run")
                .isEqualTo("7");
        List<String> executions = new ArrayList<>();
        int pages = 0;

        Browser.signIn(browser, url("/desk/login"), agent.email());
        List<String> deskPages =
                new ArrayList<>(List.of("/desk", "/desk/search?q=" + "портал", "/desk/requests/" + apiTid));
        for (long id : tickets) {
            deskPages.add("/desk/requests/" + tid(id));
        }
        for (String page : deskPages) {
            pages++;
            executions.addAll(visit(page));
        }
        browser.manage().deleteAllCookies();

        Browser.signIn(browser, url("/desk/login"), admin.email());
        List<String> adminPages = new ArrayList<>(
                List.of("/desk/admin/mail", "/desk/admin/outbox", "/desk/admin/audit", "/desk/account"));
        for (long id : inbound) {
            adminPages.add("/desk/admin/mail/inbound/" + id);
        }
        for (String page : adminPages) {
            pages++;
            executions.addAll(visit(page));
        }
        browser.manage().deleteAllCookies();

        Browser.signIn(browser, url("/portal/login"), client.login());
        List<String> portalPages = new ArrayList<>(List.of("/portal", "/portal/requests/" + apiTid));
        for (long id : tickets) {
            portalPages.add("/portal/requests/" + tid(id));
        }
        for (String page : portalPages) {
            pages++;
            executions.addAll(visit(page));
        }
        // the files: downloaded, never rendered as pages of the site
        for (long id :
                jdbc.queryForList("select id from ticket_attachment where ticket_id = ?", Long.class, portal.id())) {
            pages++;
            executions.addAll(visit("/portal/attachments/" + id));
        }
        System.out.printf(
                "Hostile content: %d payload classes, %d pages opened, %d executions%n",
                PAYLOADS.size(), pages, executions.size());
        assertThat(executions).as("scripts that ran").isEmpty();
    }

    /** Opens a page, clicks nothing but lets it settle, and reports whatever ran. */
    private List<String> visit(String path) throws InterruptedException {
        browser.get(url(path));
        Thread.sleep(300);
        List<String> found = new ArrayList<>();
        try {
            String text = browser.switchTo().alert().getText();
            browser.switchTo().alert().dismiss();
            found.add(path + ": a native dialog " + text);
        } catch (NoAlertPresentException none) {
            // as it should be
        }
        Object hits = browser.executeScript("return (window.__hits || []).join(',')");
        if (hits != null && !hits.toString().isEmpty()) {
            found.add(path + ": detector " + hits);
        }
        Object marked = browser.executeScript("return document.documentElement.getAttribute('data-pwned')");
        if (marked != null) {
            found.add(path + ": the document was changed by a payload");
        }
        for (WebElement frame : browser.findElements(By.tagName("iframe"))) {
            String sandbox = frame.getAttribute("sandbox");
            if (sandbox == null || sandbox.contains("allow-scripts")) {
                found.add(path + ": an iframe without a script-free sandbox");
            }
        }
        Object handlers = browser.executeScript("""
                return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                  .filter(a => a.name.startsWith('on') || /^\\s*(javascript|data):/i.test(a.value) && /^(href|src|action|formaction|data)$/.test(a.name))
                  .map(a => e.tagName + ' ' + a.name)).join(',')""");
        if (handlers != null && !handlers.toString().isEmpty()) {
            found.add(path + ": live handlers or script URLs in the page: " + handlers);
        }
        return found;
    }

    private byte[] hostileMail(String from) {
        String all = String.join("\n", PAYLOADS);
        String subject = "=?UTF-8?B?"
                + Base64.getEncoder()
                        .encodeToString(("<script>" + RUN + "</script> почта").getBytes(StandardCharsets.UTF_8))
                + "?=";
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"" + RUN + "\"><script>" + RUN + "</script></svg>";
        String mail = "From: <" + from + ">\r\n"
                + "To: support@tidesk.local\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <hostile-" + System.nanoTime() + "@client.example>\r\n"
                + "Date: Sun, 6 Dec 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n"
                + "--b2\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(all) + "\r\n"
                + "--b2\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("<html><head><meta http-equiv=\"refresh\" content=\"0;url=javascript:" + RUN
                        + "\"><style>body{background:url(javascript:" + RUN + ")}</style></head><body>" + all + svg
                        + "</body></html>")
                + "\r\n"
                + "--b2--\r\n"
                + "--b1\r\nContent-Type: text/html; name=\"page.html\"\r\nContent-Disposition: attachment; filename=\"=?UTF-8?B?"
                + Base64.getEncoder()
                        .encodeToString("<img src=x onerror=alert(7)>.html".getBytes(StandardCharsets.UTF_8))
                + "?=\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64("<script>" + RUN + "</script>") + "\r\n"
                + "--b1\r\nContent-Type: image/svg+xml; name=\"picture.svg\"\r\nContent-Disposition: inline; filename=\"picture.svg\"\r\n"
                + "Content-ID: <pic@client.example>\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(svg) + "\r\n"
                + "--b1--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    private static String b64(String s) {
        return Base64.getMimeEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private String tid(long ticketId) {
        return jdbc.queryForObject("select tid from ticket where id = ?", String.class, ticketId);
    }

    private long accountId(String login) {
        return jdbc.queryForObject("select id from account where lower(login) = lower(?)", Long.class, login);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
