package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.WebTest;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Actuator through the real security chains: health is public and says only its status, readiness
 * follows the outbox's oldest pending mail, info and the Prometheus metrics are an admin token's.
 * Actuator's routes are not in the MVC handler mappings that {@code AccessMatrixTests} walks, so
 * their access is checked here.
 */
class HealthAndMetricsTests extends WebTest {

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    dev.tidesk.mail.MailIntake intake;

    @Autowired
    dev.tidesk.routing.RoutingQueue queue;

    private String adminToken() {
        return tokens.issue(accountOf(data.member(Role.ADMIN).email()), "prometheus");
    }

    /**
     * A moment before every pending mail and every mailbox poll that other tests left in the shared
     * database, so that only what this test adds counts for readiness.
     */
    private Instant quietMoment() {
        Timestamp earliest = jdbc.queryForObject("""
                select least((select min(created_at) from mail_outbox where status = 'PENDING'),
                             (select min(coalesce(last_poll_at, created_at)) from mail_mailbox), now())""", Timestamp.class);
        return earliest.toInstant().minus(Duration.ofDays(1));
    }

    @Test
    void healthIsPublicAndSaysOnlyItsStatus() throws Exception {
        clock.moveTo(quietMoment());
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            String body = mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).as(path).doesNotContain("components", "details", "outbox", "db");
        }
        // an admin's token sees what readiness is made of
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.outbox.status").value("UP"))
                .andExpect(jsonPath("$.components.mailboxes.status").value("UP"))
                .andExpect(jsonPath("$.components.embeddedDataDisk.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.livenessState").doesNotExist());
        // an agent's token is no admin's: the status only
        String agentToken = tokens.issue(accountOf(data.agent().email()), "curious");
        String body = mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("components");
    }

    @Test
    void readinessIsOutOfServiceWhileAMailWaitsLongerThanThirtyMinutes() throws Exception {
        Instant start = quietMoment();
        clock.moveTo(start);
        // a mail the SMTP server keeps refusing: it waits for its next attempt, hours away
        Long id = jdbc.queryForObject(
                """
                insert into mail_outbox (event_key, recipient, subject, text_body, message_id, status, attempts,
                    next_attempt_at, created_at, last_error)
                values (?, 'anna@client.example', 'Заявка принята', 'Текст', ?, 'PENDING', 3, ?, ?, '421 try later')
                returning id""",
                Long.class,
                "health-test-" + System.nanoTime(),
                "<health-" + System.nanoTime() + "@tidesk.local>",
                Timestamp.from(start.plus(Duration.ofDays(365))),
                Timestamp.from(start));
        try {
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));

            clock.advance(Duration.ofMinutes(29));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

            clock.advance(Duration.ofMinutes(2));
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"))
                    .andExpect(jsonPath("$.components").doesNotExist());
            mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + adminToken()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.components.outbox.status").value("OUT_OF_SERVICE"))
                    .andExpect(jsonPath("$.components.outbox.details.oldestPendingAt")
                            .value(start.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                                    .toString()))
                    .andExpect(jsonPath("$.components.db.status").value("UP"));
            // the node lives on: liveness does not look at mail
            mvc.perform(get("/actuator/health/liveness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            jdbc.update("delete from mail_outbox where id = ?", id);
        }
    }

    @Test
    void readinessIsOutOfServiceWhenAMailboxIsNoLongerPolled() throws Exception {
        Instant start = quietMoment();
        clock.moveTo(start);
        String name = "health-" + System.nanoTime();
        // polled a moment ago (every 60 s), and its server refused the password then
        jdbc.update("""
                insert into mail_mailbox (name, host, port, username, password, poll_seconds, enabled, last_poll_at,
                    last_error, created_at)
                values (?, 'imap.example.com', 993, 'support@example.com', 'x', 60, true, ?, 'Неверный пароль', ?)""", name, Timestamp.from(start), Timestamp.from(start));
        try {
            String admin = adminToken();
            // a failing login is the other server's trouble: a detail, the node stays ready
            mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + admin))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.components.mailboxes.status").value("UP"))
                    .andExpect(jsonPath("$.components.mailboxes.details.mailboxes['" + name + "'].lastError")
                            .value("Неверный пароль"));

            // the interval plus ten minutes without a poll: the poller stopped
            clock.advance(Duration.ofMinutes(11).plusSeconds(5));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + admin))
                    .andExpect(jsonPath("$.components.mailboxes.status").value("OUT_OF_SERVICE"))
                    .andExpect(jsonPath("$.components.mailboxes.details.mailboxes['" + name + "'].late")
                            .value(true));
            assertThat(gauge(scrape(admin), "tidesk_mail_inbound_poll_lag_seconds "))
                    .isGreaterThanOrEqualTo(600);
        } finally {
            jdbc.update("delete from mail_mailbox where name = ?", name);
        }
    }

    @Test
    void prometheusAndInfoAreAnAdminTokens() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer tdk_not-a-token"))
                .andExpect(status().isUnauthorized());
        String agentToken = tokens.issue(accountOf(data.agent().email()), "curious");
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isForbidden());
        // a signed-in admin's browser session is not enough: scrapers and scripts send the token
        mvc.perform(get("/actuator/prometheus")
                        .session(deskLogin(data.member(Role.ADMIN).email())))
                .andExpect(status().isUnauthorized());

        String admin = adminToken();
        double before = portalRequests(scrape(admin));
        data.request(data.client(), "Не работает форма обратной связи", "Письма с формы не приходят");
        data.settle();
        String metrics = scrape(admin);
        assertThat(portalRequests(metrics)).isEqualTo(before + 1);
        assertThat(metrics)
                .contains("tidesk_requests_opened_total{channel=\"PORTAL\"")
                .contains("tidesk_requests_opened_total{channel=\"EMAIL\"")
                .contains("tidesk_mail_outbox_pending ")
                .contains("tidesk_mail_sent_total ")
                .contains("tidesk_mail_failed_total ")
                .contains("tidesk_mail_inbound_received_total ")
                .contains("tidesk_mail_inbound_processed_total ")
                .contains("tidesk_mail_inbound_quarantined_total ")
                .contains("tidesk_mail_inbound_poll_lag_seconds ")
                .contains("tidesk_sla_warnings_total ")
                .contains("tidesk_sla_breaches_total ")
                .contains("tidesk_queue_size ")
                .contains("tidesk_take_next_seconds_count ")
                .contains("http_server_requests_seconds_count{")
                .contains("jvm_memory_used_bytes{");
        // each filter of Spring Security's chain observed on every request cost the API about 6 % of its CPU
        assertThat(metrics).doesNotContain("spring_security_");
        assertThat(gauge(metrics, "tidesk_queue_size")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(metrics, "tidesk_mail_outbox_pending")).isGreaterThanOrEqualTo(1);

        var info = mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.build.version").isNotEmpty())
                .andExpect(jsonPath("$.build.artifact").value("tidesk"));
        // built in a git clone: the commit too
        if (getClass().getResource("/git.properties") != null) {
            info.andExpect(jsonPath("$.git.commit.id").isNotEmpty());
        }
    }

    @Test
    void theModulesCountWhatHappensWhereItHappens() throws Exception {
        String admin = adminToken();
        var client = data.client();
        var agent = data.agent();
        String before = scrape(admin);
        String raw = "From: " + client.login() + "\r\nTo: support@tidesk.local\r\nSubject: Сайт не открывается"
                + "\r\nMessage-ID: <metrics-" + System.nanoTime() + "@client.example>\r\nMIME-Version: 1.0"
                + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nОшибка 502 с утра\r\n";
        intake.receive("metrics-test", raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // the same message again is stored once
        intake.receive("metrics-test", raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        data.settle();
        assertThat(queue.takeNext(agent.id(), agent.fullName())).isPresent();
        String after = scrape(admin);

        assertThat(gauge(after, "tidesk_mail_inbound_received_total "))
                .isEqualTo(gauge(before, "tidesk_mail_inbound_received_total ") + 1);
        assertThat(gauge(after, "tidesk_mail_inbound_processed_total "))
                .isEqualTo(gauge(before, "tidesk_mail_inbound_processed_total ") + 1);
        assertThat(gauge(after, "tidesk_requests_opened_total{channel=\"EMAIL\""))
                .isEqualTo(gauge(before, "tidesk_requests_opened_total{channel=\"EMAIL\"") + 1);
        assertThat(gauge(after, "tidesk_take_next_seconds_count "))
                .isEqualTo(gauge(before, "tidesk_take_next_seconds_count ") + 1);
    }

    @Test
    void nothingElseOfActuatorIsThere() throws Exception {
        String admin = adminToken();
        for (String path : new String[] {
            "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers"
        }) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header("Authorization", "Bearer " + admin)).andExpect(status().isNotFound());
        }
    }

    private String scrape(String token) throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static double portalRequests(String metrics) {
        return gauge(metrics, "tidesk_requests_opened_total{channel=\"PORTAL\"");
    }

    /** The value on the line that starts with {@code prefix}. */
    private static double gauge(String metrics, String prefix) {
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + prefix + " in\n" + metrics));
    }
}
