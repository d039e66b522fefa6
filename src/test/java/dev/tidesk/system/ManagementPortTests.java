package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code management.server.port} moves actuator to a port of its own, over real HTTP: health and
 * readiness answer there for anyone, the metrics and info there still need an admin's API token
 * (Spring Security's chains also guard the management port), and the main port has no actuator left.
 */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
class ManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenOf(Role role) {
        String email = new TestData(context).member(role).email();
        long account = jdbc.queryForObject("select id from account where lower(login) = lower(?)", Long.class, email);
        return tokens.issue(account, "monitoring");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        String admin = tokenOf(Role.ADMIN);

        // the management port: health for anyone, status only
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = get(managementPort, path, null);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
        }
        assertThat(get(managementPort, "/actuator/health/readiness", admin).body())
                .contains("\"components\"", "\"db\"", "\"outbox\"");

        // metrics and info: an admin's token there as on the main port
        assertThat(get(managementPort, "/actuator/prometheus", null).statusCode())
                .isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", tokenOf(Role.AGENT))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", admin);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("tidesk_queue_size", "jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/info", admin).statusCode()).isEqualTo(200);

        // the main port: actuator is gone, for an admin's token as well
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/health"}) {
            assertThat(get(port, path, admin).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(404);
        // and the application itself is still there
        assertThat(get(port, "/desk/login", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/desk/login", null).statusCode()).isEqualTo(404);
    }
}
