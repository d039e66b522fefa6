package dev.tidesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Past months closed by a script: over the API with an admin token, and from the command line
 * through the runner bean that {@code java -jar tidesk.jar close-months --up-to YYYY-MM} runs.
 */
class MonthCloseApiTests extends WebTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkLog workLog;

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    CloseMonthsCommand command;

    ContractFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ContractFixtures(context);
    }

    YearMonth thisMonth() {
        return YearMonth.from(workLog.today());
    }

    /** Economy from three months ago with 14 h, 9 h and 16 h used: a back-dated contract with no month closed. */
    ContractView backDated() {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView t = fixtures.request(data, client, "Работы задним числом", 3);
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 3);
        fixtures.log(t, agent, 3, 14);
        fixtures.log(t, agent, 2, 9);
        fixtures.log(t, agent, 1, 16);
        return c;
    }

    List<String> closedMonths(ContractView c) {
        return jdbc.queryForList("""
                select month || ' ' || included_minutes || ' ' || used_minutes from ledger_month
                 where contract_id = ? order by month""", String.class, c.id());
    }

    int audited(String detail) {
        return jdbc.queryForObject(
                "select count(*) from audit_log where action = 'MONTHS_CLOSED' and detail like ?",
                Integer.class,
                "%" + detail + "%");
    }

    @Test
    void anAdminTokenClosesThePastMonthsInOrderOnceAndIsAudited() throws Exception {
        ContractView c = backDated();
        String admin = tokens.issue(accountOf(data.member(Role.ADMIN).email()), "month close script");
        String agent = tokens.issue(accountOf(data.agent().email()), "agent script");
        YearMonth last = thisMonth().minusMonths(1);
        String body = "{\"upTo\": \"" + last.minusMonths(1) + "\"}";

        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + agent)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/months/close")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        assertThat(closedMonths(c)).isEmpty();

        // up to two months ago: the first two months of the contract, oldest first
        int before = audited("(API)");
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upTo").value(last.minusMonths(1).toString()))
                .andExpect(jsonPath("$.lastClosable").value(last.toString()));
        assertThat(closedMonths(c))
                .containsExactly(
                        last.minusMonths(2).atDay(1) + " 600 840",
                        last.minusMonths(1).atDay(1) + " 600 540");
        assertThat(audited("(API)")).isEqualTo(before + 1);

        // then up to last month: only the one month left is closed; again: nothing, and the same answer
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"upTo\": \"" + last + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"upTo\": \"" + last + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(0));
        assertThat(closedMonths(c))
                .containsExactly(
                        last.minusMonths(2).atDay(1) + " 600 840",
                        last.minusMonths(1).atDay(1) + " 600 540",
                        last.atDay(1) + " 600 960");
        assertThat(jdbc.queryForObject(
                        "select actor from audit_log where action = 'MONTHS_CLOSED' order by id desc limit 1",
                        String.class))
                .isNotEqualTo("system");
    }

    @Test
    void aMalformedOrFutureMonthIsRefusedWithTheReason() throws Exception {
        ContractView c = backDated();
        String admin = tokens.issue(accountOf(data.member(Role.ADMIN).email()), "month close script");
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"upTo\": \"октябрь\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Укажите месяц в формате ГГГГ-ММ."));
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"upTo\": \"" + thisMonth() + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Закрыть можно только прошедший месяц."));
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("upTo")));
        mvc.perform(post("/api/v1/months/close")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"upTo\": "))
                .andExpect(status().isBadRequest());
        assertThat(closedMonths(c)).isEmpty();
    }

    @Test
    void theCommandLineClosesTheSameWayAndRefusesAFutureMonth() throws Exception {
        ContractView c = backDated();
        YearMonth last = thisMonth().minusMonths(1);
        int before = audited("(command line)");

        command.run(new DefaultApplicationArguments(
                "close-months", "--up-to", thisMonth().toString()));
        assertThat(command.getExitCode()).isEqualTo(2);
        assertThat(closedMonths(c)).isEmpty();

        command.run(new DefaultApplicationArguments("close-months", "--up-to", last.toString()));
        assertThat(command.getExitCode()).isZero();
        assertThat(closedMonths(c))
                .containsExactly(
                        last.minusMonths(2).atDay(1) + " 600 840",
                        last.minusMonths(1).atDay(1) + " 600 540",
                        last.atDay(1) + " 600 960");
        assertThat(audited("(command line)")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject(
                        "select actor from audit_log where action = 'MONTHS_CLOSED' order by id desc limit 1",
                        String.class))
                .isEqualTo("command line");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(command.execute(
                        List.of("--up-to=" + last),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up to " + last + ": 0 contract months closed");
        assertThat(command.execute(
                        List.of("--up-to", "2026-13"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(command.execute(
                        List.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Not a month (YYYY-MM): 2026-13")
                .contains("Usage: java -jar tidesk.jar close-months --up-to YYYY-MM");

        // the web application ignores the runner: no command, nothing done
        command.run(new DefaultApplicationArguments("--server.port=0"));
        assertThat(command.getExitCode()).isZero();
    }
}
