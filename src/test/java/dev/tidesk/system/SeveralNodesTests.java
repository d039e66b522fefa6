package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.TideskApplication;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.worklog.WorkLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Two Tidesk nodes in this JVM on one PostgreSQL, as behind a load balancer: both run every
 * scheduled job, both poll the same IMAP mailbox, both receive SMTP, both send to the same SMTP
 * server. Checked through HTTP and mail: a sign-in on one node is valid on the other, every job runs
 * once per period across both, every message is taken in once, every mail goes out once, take-next
 * never gives one request twice, and a month closes once.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTests {

    /** How often each fixed-delay job runs on each node here (the mailbox is polled as often). */
    static final Duration PERIOD = Duration.ofSeconds(1);

    static final int IMAP_MESSAGES = 30;
    static final int SMTP_MESSAGES = 20;
    static final int AGENTS = 10;

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(
                    new ServerSetup[] {setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_IMAP)})
            .withPerMethodLifecycle(false);

    static EmbeddedPostgres postgres;
    static Node a;
    static Node b;
    static GreenMailUser support;
    static Timestamp bothUp;

    /** One application instance: its context, HTTP port and SMTP receiver port. */
    record Node(String name, ConfigurableApplicationContext context, int httpPort, int smtpPort) {
        String url(String path) {
            return "http://127.0.0.1:" + httpPort + path;
        }

        JdbcTemplate jdbc() {
            return context.getBean(JdbcTemplate.class);
        }
    }

    private static ServerSetup setup(String protocol) {
        ServerSetup s = new ServerSetup(MailTest.freePort(), "127.0.0.1", protocol);
        s.setServerStartupTimeout(20_000);
        return s;
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        support = mail.setUser("support@tidesk.local", "support", "pw");
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(false)
                .start();
        a = start("a");
        // every time a job takes its lock (ShedLock's row gets a new locked_at), a row here
        JdbcTemplate jdbc = a.jdbc();
        jdbc.execute("create table test_job_run (name varchar(64) not null, locked_at timestamp not null)");
        jdbc.execute("""
                create function test_job_ran() returns trigger language plpgsql as $$
                begin
                  if tg_op = 'INSERT' or new.locked_at is distinct from old.locked_at then
                    insert into test_job_run values (new.name, new.locked_at);
                  end if;
                  return new;
                end $$""");
        jdbc.execute("create trigger test_job_ran after insert or update on shedlock "
                + "for each row execute function test_job_ran()");
        b = start("b");
        bothUp = jdbc.queryForObject("select localtimestamp", Timestamp.class);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Node node : new Node[] {b, a}) {
            if (node != null) {
                node.context().close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Node start(String name) {
        int smtpPort = MailTest.freePort();
        String box = "--tidesk.mail.inbound.mailboxes[0].";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TideskApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        // the same on every node: what one node encrypts or signs, the other reads
                        "--tidesk.secret-key=several-nodes-test-key",
                        "--tidesk.scheduling.enabled=true",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--tidesk.mail.send-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.mail.inbound.poll-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.mail.inbound.process-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.routing.sla-check-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.routing.auto-close-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.routing.hold-check-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.mail.staff-digest-check=" + PERIOD.toMillis() + "ms",
                        "--tidesk.events.retry-interval=" + PERIOD.toMillis() + "ms",
                        "--tidesk.mail.inbound.smtp.enabled=true",
                        "--tidesk.mail.inbound.smtp.port=" + smtpPort,
                        "--tidesk.mail.inbound.smtp.bind-address=127.0.0.1",
                        box + "name=support",
                        box + "host=127.0.0.1",
                        box + "port=" + mail.getImap().getPort(),
                        box + "tls=false",
                        box + "username=support",
                        box + "password=pw",
                        box + "folder=INBOX",
                        box + "processed-folder=Tidesk",
                        box + "poll-seconds=1",
                        box + "enabled=true");
        int httpPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new Node(name, context, httpPort, smtpPort);
    }

    @Test
    @Order(1)
    void aSignInOnOneNodeIsValidOnTheOther() throws Exception {
        StaffView agent = new TestData(a.context()).agent();
        Browser browser = new Browser();
        browser.signIn(a, agent.email());

        HttpResponse<String> onB = browser.get(b, "/desk");
        assertThat(onB.statusCode()).as("node B knows node A's session").isEqualTo(200);
        assertThat(onB.body()).contains(agent.fullName());

        // a form of node B's page posts to node A (the CSRF token is in the shared session), and a
        // sign-out on A ends the session on B
        HttpResponse<String> out = browser.post(a, "/desk/logout", Map.of("_csrf", Browser.csrf(onB.body())));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(browser.get(b, "/desk").statusCode())
                .as("signed out everywhere")
                .isEqualTo(302);
    }

    @Test
    @Order(2)
    void everyMessageOfTheSharedMailboxAndOfBothSmtpReceiversIsTakenInOnceAndAcknowledgedOnce() throws Exception {
        // while both nodes poll: a message into the shared mailbox, and one to a node's SMTP receiver,
        // half of them to each node; every fourth is delivered again to the other node, as a sending
        // server does when it retries on another MX after a lost answer
        List<String> imapIds = new ArrayList<>();
        List<String> smtpIds = new ArrayList<>();
        for (int i = 0; i < Math.max(IMAP_MESSAGES, SMTP_MESSAGES); i++) {
            if (i < IMAP_MESSAGES) {
                String id = "imap-" + i + "-" + System.nanoTime() + "@nodes.example";
                imapIds.add("<" + id + ">");
                support.deliver(message("imap" + i, id));
            }
            if (i < SMTP_MESSAGES) {
                String id = "smtp-" + i + "-" + System.nanoTime() + "@nodes.example";
                smtpIds.add("<" + id + ">");
                MimeMessage m = message("smtp" + i, id);
                Node first = i % 2 == 0 ? a : b;
                sendSmtp(first, m);
                if (i % 4 == 0) {
                    sendSmtp(first == a ? b : a, m);
                }
            }
        }

        JdbcTemplate jdbc = a.jdbc();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from mail_inbound where status = 'PROCESSED' and from_address like"
                                        + " '%@nodes.example'",
                                Integer.class)
                        == IMAP_MESSAGES + SMTP_MESSAGES);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSize() == 0);

        Map<String, Integer> stored = new HashMap<>();
        jdbc.query(
                "select message_id, count(*) from mail_inbound where from_address like '%@nodes.example'"
                        + " group by message_id",
                rs -> {
                    stored.put(rs.getString(1), rs.getInt(2));
                });
        List<String> all = new ArrayList<>(imapIds);
        all.addAll(smtpIds);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(stored.values()).as("each message stored once").containsOnly(1);
        assertThat(jdbc.queryForObject(
                        "select count(distinct ticket_id) from mail_inbound where from_address like '%@nodes.example'",
                        Integer.class))
                .as("each message one request")
                .isEqualTo(IMAP_MESSAGES + SMTP_MESSAGES);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_message m join mail_inbound i on i.ticket_id = m.ticket_id"
                                + " where i.from_address like '%@nodes.example'",
                        Integer.class))
                .as("each request one message")
                .isEqualTo(IMAP_MESSAGES + SMTP_MESSAGES);

        // every sender is acknowledged once, through the outbox of one node or the other
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Integer.class)
                                == 0);
        Map<String, Long> acknowledgements = sentMessages().stream()
                .map(SeveralNodesTests::recipient)
                .filter(r -> r.endsWith("@nodes.example"))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(acknowledgements).hasSize(IMAP_MESSAGES + SMTP_MESSAGES);
        assertThat(acknowledgements.values()).containsOnly(1L);
        // and every mail of the outbox went out once: one copy of its Message-ID at the SMTP server
        Map<String, Long> copies = sentMessages().stream()
                .collect(Collectors.groupingBy(SeveralNodesTests::messageId, Collectors.counting()));
        List<String> sent = jdbc.queryForList("select message_id from mail_outbox where status = 'SENT'", String.class);
        assertThat(sent).hasSizeGreaterThanOrEqualTo(IMAP_MESSAGES + SMTP_MESSAGES);
        assertThat(sent).allSatisfy(id -> assertThat(copies.get(id)).as(id).isEqualTo(1L));
    }

    @Test
    @Order(3)
    void takeNextFromBothNodesAtOnceNeverGivesOneRequestTwice() throws Exception {
        TestData data = new TestData(a.context());
        TestData.Client client = data.client();
        for (int i = 0; i < 2 * AGENTS; i++) {
            data.request(client, "Очередь " + i, "текст");
        }
        List<Browser> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Browser agent = new Browser();
            agent.signIn(i % 2 == 0 ? a : b, data.agent().email());
            agent.csrf = Browser.csrf(agent.get(a, "/desk").body());
            agents.add(agent);
        }
        CyclicBarrier together = new CyclicBarrier(2 * AGENTS);
        List<Callable<String>> takes = new ArrayList<>();
        for (Browser agent : agents) {
            for (Node node : List.of(a, b)) {
                takes.add(() -> {
                    together.await();
                    HttpResponse<String> r = agent.post(node, "/desk/routing/take-next", Map.of("_csrf", agent.csrf));
                    assertThat(r.statusCode()).isEqualTo(302);
                    return r.headers().firstValue("Location").orElseThrow();
                });
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(2 * AGENTS);
        List<String> taken = new ArrayList<>();
        try {
            for (Future<String> f : threads.invokeAll(takes)) {
                taken.add(f.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(taken).allMatch(l -> l.matches(".*/desk/requests/TID-\\d+"), "a request taken");
        assertThat(taken).doesNotHaveDuplicates();
        List<String> tids =
                taken.stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();
        assertThat(a.jdbc()
                        .queryForObject(
                                "select count(*) from ticket where assignee_id is not null and tid = any(?)",
                                Integer.class,
                                (Object) tids.toArray(String[]::new)))
                .isEqualTo(2 * AGENTS);
    }

    @Test
    @Order(4)
    void aMonthClosedFromBothNodesAtOnceClosesOnceWithOneStatementPerClient() throws Exception {
        TestData data = new TestData(a.context());
        ContractFixtures fixtures = new ContractFixtures(a.context());
        TestData.Client client = data.client();
        a.context()
                .getBean(Customers.class)
                .changeMonthlyStatement(client.contact().id(), true);
        ContractView contract = fixtures.sign(client, PlanCode.ECONOMY, 3);
        YearMonth thisMonth = YearMonth.from(a.context().getBean(WorkLog.class).today());
        String admin = data.member(Role.ADMIN).email();
        long adminAccount =
                a.jdbc().queryForObject("select id from account where lower(login) = lower(?)", Long.class, admin);
        String token = a.context().getBean(ApiTokens.class).issue(adminAccount, "nodes");

        // the admins' API on both nodes at the same moment: the two months before last
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (Node node : List.of(a, b)) {
            calls.add(() -> {
                together.await();
                return HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(node.url("/api/v1/months/close")))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"upTo\":\"" + thisMonth.minusMonths(2) + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
            });
        }
        int closed = 0;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (Future<HttpResponse<String>> f : threads.invokeAll(calls)) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
                Matcher m = Pattern.compile("\"closed\":(\\d+)").matcher(f.get().body());
                assertThat(m.find()).isTrue();
                closed += Integer.parseInt(m.group(1));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(closed).as("contract months closed by both calls together").isEqualTo(2);

        // the daily jobs as the scheduler fires them on both nodes at once: last month closes
        runCronJobsOnBothNodesAtOnce();

        assertThat(a.jdbc()
                        .queryForList(
                                "select month from ledger_month where contract_id = ? order by month",
                                java.sql.Date.class,
                                contract.id()))
                .extracting(d -> YearMonth.from(d.toLocalDate()))
                .containsExactly(thisMonth.minusMonths(3), thisMonth.minusMonths(2), thisMonth.minusMonths(1));
        JdbcTemplate jdbc = a.jdbc();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from mail_outbox where recipient = ? and status = 'SENT'",
                                Integer.class,
                                client.contact().email())
                        >= 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Integer.class)
                                == 0);
        assertThat(sentMessages().stream()
                        .filter(m ->
                                recipient(m).equalsIgnoreCase(client.contact().email()))
                        .count())
                .as("one statement per closed month")
                .isEqualTo(3);
    }

    /**
     * Every daily (cron) job fired on both nodes at the same moment, then once more on node B a
     * moment later, as when the nodes' clocks differ a little: each runs once.
     */
    private static void runCronJobsOnBothNodesAtOnce() throws Exception {
        Map<String, List<Runnable>> jobs = new LinkedHashMap<>();
        for (Node node : List.of(a, b)) {
            for (ScheduledTaskHolder holder :
                    node.context().getBeansOfType(ScheduledTaskHolder.class).values()) {
                for (ScheduledTask task : holder.getScheduledTasks()) {
                    // the scheduler's own runnable (the job's method on its bean, through the lock)
                    if (task.getTask() instanceof CronTask cron) {
                        jobs.computeIfAbsent(cron.getRunnable().toString(), k -> new ArrayList<>())
                                .add(cron.getRunnable());
                    }
                }
            }
        }
        assertThat(String.join(" ", jobs.keySet())).contains("closePreviousMonth", "returnDueToday", "refreshAll");
        assertThat(jobs.values()).allSatisfy(runs -> assertThat(runs).hasSize(2));
        Timestamp before = a.jdbc().queryForObject("select localtimestamp", Timestamp.class);
        for (List<Runnable> runs : jobs.values()) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Void>> both = new ArrayList<>();
                for (Runnable run : runs) {
                    both.add(() -> {
                        together.await();
                        run.run();
                        return null;
                    });
                }
                for (Future<Void> f : threads.invokeAll(both)) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }
            runs.get(1).run();
        }
        Map<String, Integer> runsByLock = new HashMap<>();
        a.jdbc()
                .query(
                        "select name, count(*) from test_job_run where locked_at >= ? and name in"
                                + " ('contract-monthly-close', 'contract-deferral-return', 'routing-terms-refresh')"
                                + " group by name",
                        rs -> {
                            runsByLock.put(rs.getString(1), rs.getInt(2));
                        },
                        before);
        assertThat(runsByLock)
                .as("each daily job ran once")
                .containsOnly(
                        Map.entry("contract-monthly-close", 1),
                        Map.entry("contract-deferral-return", 1),
                        Map.entry("routing-terms-refresh", 1));
    }

    @Test
    @Order(5)
    void everyPeriodicJobRanOncePerPeriodAcrossBothNodes() {
        Map<String, List<Timestamp>> runs = new HashMap<>();
        a.jdbc()
                .query(
                        "select name, locked_at from test_job_run where locked_at >= ? order by name, locked_at",
                        rs -> {
                            runs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(rs.getTimestamp(2));
                        },
                        bothUp);
        List<String> periodic = List.of(
                "mail-outbox",
                "mail-imap-poll",
                "mail-inbound-process",
                "routing-sla-watch",
                "routing-auto-close",
                "routing-hold-release",
                "mail-staff-digest",
                "system-event-retry");
        assertThat(runs).containsKeys(periodic.toArray(String[]::new));
        Map<String, Duration> shortestGap = new LinkedHashMap<>();
        for (String job : periodic) {
            List<Timestamp> at = runs.get(job);
            Duration shortest = Duration.ofDays(1);
            for (int i = 1; i < at.size(); i++) {
                Duration gap =
                        Duration.between(at.get(i - 1).toInstant(), at.get(i).toInstant());
                shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
            }
            shortestGap.put(job, shortest);
        }
        System.out.println("several nodes: shortest gap between two runs of each job: " + shortestGap
                + "; runs: "
                + runs.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().size())));
        assertThat(shortestGap.values())
                .as("no job ran twice within its period (%s) on the two nodes: %s", PERIOD, shortestGap)
                .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(PERIOD));
    }

    private static int inboxSize() throws Exception {
        return mail.getManagers().getImapHostManager().getInbox(support).getMessageCount();
    }

    /** What Tidesk sent: every message GreenMail's SMTP took in, but those to the support mailbox. */
    private static List<MimeMessage> sentMessages() {
        List<MimeMessage> sent = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (!recipient(m).equals("support@tidesk.local")) {
                sent.add(m);
            }
        }
        return sent;
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress().toLowerCase();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage message(String sender, String messageId) throws Exception {
        String raw = "From: Клиент <" + sender + "@nodes.example>\r\nTo: support@tidesk.local\r\n"
                + "Subject: Обращение " + sender + "\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Date: Mon, 3 Mar 2025 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nНе работает страница " + sender + "\r\n";
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** Delivers the message as it is (its Message-ID kept) to a node's SMTP receiver. */
    private static void sendSmtp(Node node, MimeMessage message) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(node.smtpPort()));
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * A browser behind a load balancer: one cookie jar for every node (cookies do not depend on
     * the port), redirects not followed.
     */
    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        volatile String csrf;

        void signIn(Node node, String login) throws Exception {
            String page = get(node, "/desk/login").body();
            HttpResponse<String> r = post(
                    node, "/desk/login", Map.of("username", login, "password", TestData.PASSWORD, "_csrf", csrf(page)));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(Node node, String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(node.url(path))).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(Node node, String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create(node.url(path)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static String csrf(String page) {
            Matcher m = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"")
                    .matcher(page);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
            return m.group(1);
        }
    }
}
