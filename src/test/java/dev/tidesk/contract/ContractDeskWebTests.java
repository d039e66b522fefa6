package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.alert.PlanAlert;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.DomainException;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Contracts in the workspace, the monthly close, late entries, overrun and trial alerts. */
@RecordApplicationEvents
class ContractDeskWebTests extends WebTest {

    @Autowired
    Contracts contracts;

    @Autowired
    Ledgers ledgers;

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    WorkLog workLog;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ContractFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ContractFixtures(context);
    }

    YearMonth thisMonth() {
        return YearMonth.from(workLog.today());
    }

    @Test
    void theHeadSignsAContractAndTheTermsChangeAnAgentMayNot() throws Exception {
        TestData.Client client = data.client();
        StaffView manager = data.member(Role.MANAGER);
        long org = client.organization().id();
        assertThat(contracts.termsOfToday(org).planCode()).isEqualTo(PlanCode.NONE);
        assertThat(contracts.termsOfToday(org).tierRank()).isEqualTo(9);

        mvc.perform(post("/desk/admin/contracts")
                        .session(deskLogin(data.agent().email()))
                        .with(csrf())
                        .param("organizationId", "" + org)
                        .param("number", "Д-7")
                        .param("startDate", "2026-01-01")
                        .param("plan", "PREMIUM"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/contracts")
                        .session(deskLogin(data.member(Role.HEAD).email()))
                        .with(csrf())
                        .param("organizationId", "" + org)
                        .param("number", "Д-7")
                        .param("startDate", thisMonth().atDay(1).toString())
                        .param("plan", "PREMIUM")
                        .param("managerId", "" + manager.id())
                        .param("testCopyOnly", "true"))
                .andExpect(status().is3xxRedirection());

        ContractTerms terms = contracts.termsOfToday(org);
        assertThat(terms.planCode()).isEqualTo(PlanCode.PREMIUM);
        assertThat(terms.tierRank()).isZero();
        assertThat(terms.personalManagerId()).isEqualTo(manager.id());
        assertThat(terms.testCopyOnly()).isTrue();
        assertThat(terms.includedMinutes()).isEqualTo(40 * 60);
        assertThat(terms.firstResponseHours()).isEqualTo(1);
        assertThat(events.stream(ContractTermsChanged.class)).contains(new ContractTermsChanged(org));

        long id = terms.contractId();
        contracts.changePlan(id, thisMonth().plusMonths(1), PlanCode.STANDARD, "head");
        assertThat(contracts.termsOf(org, thisMonth().plusMonths(1).atDay(3)).personalManagerId())
                .as("Standard has no personal manager")
                .isNull();
        assertThat(contracts.termsOfToday(org).planCode()).isEqualTo(PlanCode.PREMIUM);
        events.clear();
        contracts.end(id, thisMonth().plusMonths(2).atEndOfMonth(), "head");
        assertThat(events.stream(ContractTermsChanged.class)).containsExactly(new ContractTermsChanged(org));
        assertThat(contracts.termsOf(org, thisMonth().plusMonths(3).atDay(1)).planCode())
                .isEqualTo(PlanCode.NONE);
        assertThatThrownBy(() -> contracts.sign(org, "Д-8", workLog.today(), PlanCode.ECONOMY, null, false, null, "h"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("in force");
    }

    @Test
    void aBackDatedContractsPastMonthsAreClosedInOrderByTheHeadOnceAndNeverByAnAgent() throws Exception {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView t = fixtures.request(data, client, "Работы задним числом", 3);
        // Economy, 10 h a month, entered today with a start three months ago; 14 h, 9 h and 16 h used
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 3);
        fixtures.log(t, agent, 3, 14);
        fixtures.log(t, agent, 2, 9);
        fixtures.log(t, agent, 1, 16);
        YearMonth last = thisMonth().minusMonths(1);

        mvc.perform(post("/desk/admin/clients/close-months")
                        .session(deskLogin(agent.email()))
                        .with(csrf())
                        .param("upTo", last.toString()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_month where contract_id = ?", Integer.class, c.id()))
                .isZero();

        var head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/admin/clients/close-months")
                        .session(head)
                        .with(csrf())
                        .param("upTo", last.toString()))
                .andExpect(status().is3xxRedirection());

        // hand-computed: included 600 each month; balances -240, +60, -360; running -240, -180, -540 minutes
        assertThat(jdbc.queryForList("""
                select month || ' ' || included_minutes || ' ' || used_minutes from ledger_month
                 where contract_id = ? order by month""", String.class, c.id()))
                .containsExactly(
                        last.minusMonths(2).atDay(1) + " 600 840",
                        last.minusMonths(1).atDay(1) + " 600 540",
                        last.atDay(1) + " 600 960");
        assertThat(ledgers.monthOf(client.organization().id(), last).runningMinutes())
                .isEqualTo(-540);
        assertThat(monthlyClose.closeUpTo(last))
                .as("a second close closes nothing")
                .isZero();

        mvc.perform(post("/desk/admin/clients/close-months")
                        .session(head)
                        .with(csrf())
                        .param("upTo", thisMonth().toString()))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void staffSeeTheBalanceWithinTheCarryOverWindowBesideTheFullOneAndTheHeadSetsTheContractsWindow() throws Exception {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView t = fixtures.request(data, client, "Перенос часов", 3);
        // Economy 10 h from three months ago: 2 h, 10 h, 10 h used, nothing yet this month
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 3);
        fixtures.log(t, agent, 3, 2);
        fixtures.log(t, agent, 2, 10);
        fixtures.log(t, agent, 1, 10);
        var head = deskLogin(data.member(Role.HEAD).email());
        String page = "/desk/clients/" + client.organization().id();

        // the plan's 12 months: everything counts; running = 8 + 0 + 0 + 10 = 18 h both ways
        mvc.perform(get(page).session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"balance-window\"[^>]*>18<.*")))
                .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"balance-full\"[^>]*>18<.*")))
                .andExpect(content().string(Matchers.containsString("Остаток в окне 12 мес.")));

        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/carry-over")
                        .session(deskLogin(agent.email()))
                        .with(csrf())
                        .param("carryOverMonths", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/carry-over")
                        .session(head)
                        .with(csrf())
                        .param("carryOverMonths", "200"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/carry-over")
                        .session(head)
                        .with(csrf())
                        .param("carryOverMonths", "2"))
                .andExpect(status().is3xxRedirection());

        // 2 months: the 8 h left over three months ago are gone; this month's 10 h count; the full balance keeps 18 h
        mvc.perform(get(page).session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"balance-window\"[^>]*>10<.*")))
                .andExpect(content().string(Matchers.matchesRegex("(?s).*id=\"balance-full\"[^>]*>18<.*")))
                .andExpect(content().string(Matchers.containsString("Окно переноса часов, мес.:")));
        assertThat(ledgers.ledgerOf(client.organization().id()).months())
                .extracting(LedgerMonth::windowMinutes)
                .as("8 h count in their month and the next; gone the month after")
                .containsExactly(480, 480, 0, 600);
        // the client sees his running balance only
        mvc.perform(get("/portal/contract").session(portalLogin(client.login())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("balance-window"))));
    }

    @Test
    void aTrialReviewSaysTheContractsRealAgeAndAnUpgradeSettlesIt() {
        TestData.Client client = data.client();
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 5);

        monthlyClose.closeUpTo(thisMonth().minusMonths(1));

        assertThat(jdbc.queryForList(
                        "select trial_months from plan_alert where contract_id = ? and kind = 'TRIAL'",
                        Integer.class,
                        c.id()))
                .as("one review, for the latest month, five months in")
                .containsExactly(5);

        contracts.changePlan(c.id(), thisMonth(), PlanCode.STANDARD, "Руководитель");

        assertThat(jdbc.queryForObject("""
                select acknowledged_by from plan_alert where contract_id = ? and kind = 'TRIAL'""", String.class, c.id())).isEqualTo("Руководитель");
        assertThat(jdbc.queryForObject("select trial_decision from contract where id = ?", String.class, c.id()))
                .isEqualTo("UPGRADE");
    }

    @Test
    void theContractHistorySpeaksInWordsNotCodes() throws Exception {
        TestData.Client client = data.client();
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 0);
        contracts.changePlan(c.id(), thisMonth().plusMonths(1), PlanCode.STANDARD, "Руководитель");

        String page = mvc.perform(get("/desk/clients/" + client.organization().id())
                        .session(deskLogin(data.member(Role.HEAD).email())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        java.time.format.DateTimeFormatter genitive =
                java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.forLanguageTag("ru"));
        String next = genitive.format(thisMonth().plusMonths(1));
        assertThat(page)
                .contains("Тариф:")
                .contains("Эконом")
                .contains("Стандарт с " + next)
                .doesNotContain(">ECONOMY<")
                .doesNotContain(">STANDARD ")
                .doesNotContain("с " + thisMonth().plusMonths(1));
        String text = org.jsoup.Jsoup.parse(page).text();
        // the months in words ("с июня 2026"), signing with no arrow from nothing, the hours with their plural
        assertThat(text)
                .contains("с " + genitive.format(thisMonth()) + " Эконом")
                .contains("test: Договор подписан: " + c.number() + " Эконом")
                .doesNotContain("подписан: →")
                .containsPattern("Первый ответ \\d+ рабоч(ий час|их часа|их часов) ")
                .doesNotContainPattern("\\b(1|2|3|4) рабочих часов|\\b1 рабочих|\\d рабочих ч ");
    }

    @Test
    void aPlanFormThatCannotBeSavedComesBackWithWhatWasTypedAndWhy() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        String before = contracts.plans().stream()
                .filter(p -> p.code() == PlanCode.STANDARD)
                .findFirst()
                .orElseThrow()
                .nameRu();
        String page = mvc.perform(post("/desk/admin/plans/STANDARD")
                        .session(admin)
                        .with(csrf())
                        .param("nameRu", "Стандарт плюс")
                        .param("nameEn", "")
                        .param("monthlyFee", "45000")
                        .param("hours", "двадцать")
                        .param("firstResponseHours", "4")
                        .param("resolutionHours", "16")
                        .param("tierRank", "2"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"plan-error-STANDARD\"")
                .contains("Название по-английски:")
                .contains("value=\"Стандарт плюс\"")
                .contains("value=\"двадцать\"")
                .doesNotContain("id=\"plan-error-ECONOMY\"");
        assertThat(contracts.plans())
                .filteredOn(p -> p.code() == PlanCode.STANDARD)
                .extracting(p -> p.nameRu())
                .containsExactly(before);
    }

    @Test
    void aSignFormThatCannotBeSignedComesBackWithWhatWasTypedAndWhy() throws Exception {
        TestData.Client client = data.client();
        long org = client.organization().id();
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());

        String page = mvc.perform(post("/desk/admin/contracts")
                        .session(head)
                        .with(csrf())
                        .param("organizationId", "" + org)
                        .param("number", " ")
                        .param("startDate", thisMonth().atDay(1).toString())
                        .param("plan", "STANDARD")
                        .param("specialTerms", "Работы только по ночам"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"sign-error\"")
                .contains("Номер договора:")
                .contains("Работы только по ночам")
                .contains("value=\"" + thisMonth().atDay(1) + "\"");
        assertThat(contracts.termsOfToday(org).planCode()).isEqualTo(PlanCode.NONE);

        // the contract refuses: individual terms without hours; the typed number stays
        page = mvc.perform(post("/desk/admin/contracts")
                        .session(head)
                        .with(csrf())
                        .param("organizationId", "" + org)
                        .param("number", "Д-42/инд")
                        .param("startDate", thisMonth().atDay(1).toString())
                        .param("plan", "INDIVIDUAL")
                        .param("individualFee", "1000"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"sign-error\"").contains("value=\"Д-42/инд\"");
        assertThat(contracts.termsOfToday(org).planCode()).isEqualTo(PlanCode.NONE);
    }

    @Test
    void theTestCopyFlagAndSpecialTermsAreChangedAfterSigningWithHistoryAndReachRouting() throws Exception {
        TestData.Client client = data.client();
        long org = client.organization().id();
        ContractView c = fixtures.sign(client, PlanCode.STANDARD, 0);
        assertThat(contracts.termsOfToday(org).testCopyOnly()).isFalse();

        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/conditions")
                        .session(deskLogin(data.agent().email()))
                        .with(csrf())
                        .param("testCopyOnly", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/conditions")
                        .session(deskLogin(data.member(Role.HEAD).email()))
                        .param("testCopyOnly", "true"))
                .andExpect(status().isForbidden());
        assertThat(contracts.contract(c.id()).testCopyOnly()).isFalse();

        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/conditions")
                        .session(head)
                        .with(csrf())
                        .param("testCopyOnly", "true")
                        .param("specialTerms", "Работы только ночью"))
                .andExpect(status().is3xxRedirection());

        assertThat(contracts.contract(c.id()).testCopyOnly()).isTrue();
        assertThat(contracts.contract(c.id()).specialTerms()).isEqualTo("Работы только ночью");
        assertThat(contracts.termsOfToday(org).testCopyOnly()).isTrue();
        String page = mvc.perform(get("/desk/clients/" + org).session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Все работы сначала на тестовой копии:")
                .contains("Особые условия изменены")
                .contains("Работы только ночью");

        // unticked: the flag goes off again, and the special terms are cleared when left empty
        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/conditions")
                        .session(head)
                        .with(csrf())
                        .param("specialTerms", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(contracts.contract(c.id()).testCopyOnly()).isFalse();
        assertThat(contracts.contract(c.id()).specialTerms()).isNull();
        assertThat(contracts.changesOf(c.id()))
                .filteredOn(ch -> ch.field().equals("testCopyOnly"))
                .hasSize(2);
    }

    @Test
    void theMonthlyCloseIsIdempotentAndALateEntryShowsAsAnAdjustment() {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        TicketView t = fixtures.request(data, client, "Поздняя запись", 2);
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 2);
        fixtures.log(t, agent, 1, 8);
        YearMonth last = thisMonth().minusMonths(1);

        monthlyClose.close(thisMonth().minusMonths(2));
        int first = monthlyClose.close(last);
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(monthlyClose.close(last)).as("second run closes nothing").isZero();

        LedgerMonth closed = ledgers.monthOf(client.organization().id(), last);
        assertThat(closed.closed()).isTrue();
        assertThat(closed.usedMinutes()).isEqualTo(480);
        assertThat(closed.adjustmentMinutes()).isZero();

        workLog.log(t.id(), null, agent.id(), agent.fullName(), last.atDay(20), 90, WorkKind.WORK, "забыл записать");
        LedgerMonth adjusted = ledgers.monthOf(client.organization().id(), last);
        assertThat(adjusted.usedMinutes()).isEqualTo(570);
        assertThat(adjusted.adjustmentMinutes()).isEqualTo(90);
        assertThat(adjusted.includedMinutes()).isEqualTo(600);
        assertThat(adjusted.balanceMinutes()).isEqualTo(30);
        assertThat(monthlyClose.close(last)).isZero();

        assertThatThrownBy(() -> contracts.changePlan(c.id(), last, PlanCode.STANDARD, "head"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> monthlyClose.close(thisMonth())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoNodesClosingTheSameMonthAtOnceCloseEachContractExactlyOnce() throws Exception {
        TestData.Client a = data.client();
        TestData.Client b = data.client();
        ContractView ca = fixtures.sign(a, PlanCode.STANDARD, 5);
        ContractView cb = fixtures.sign(b, PlanCode.PREMIUM, 5);
        YearMonth month = thisMonth().minusMonths(5);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<Integer> close = () -> {
                go.await();
                return monthlyClose.close(month);
            };
            var first = pool.submit(close);
            var second = pool.submit(close);
            go.countDown();
            int total = first.get() + second.get();
            org.springframework.jdbc.core.JdbcTemplate jdbc =
                    context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            for (long id : new long[] {ca.id(), cb.id()}) {
                assertThat(jdbc.queryForObject(
                                "select count(*) from ledger_month where contract_id = ? and month = ?",
                                Integer.class,
                                id,
                                month.atDay(1)))
                        .isEqualTo(1);
            }
            assertThat(total).isGreaterThanOrEqualTo(2);
            assertThat(monthlyClose.close(month)).isZero();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRegularOverrunIsHighlightedAndAlertedWithARecommendedPlan() throws Exception {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        StaffView manager = data.member(Role.MANAGER);
        TicketView t = fixtures.request(data, client, "Много работы", 4);
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 4);
        contracts.changeManager(c.id(), manager.id(), "head");
        contracts.decideTrial(c.id(), TrialDecision.STAY, "head");
        fixtures.log(t, agent, 3, 15);
        fixtures.log(t, agent, 2, 16);
        fixtures.log(t, agent, 1, 5);
        for (int m = 4; m >= 1; m--) {
            monthlyClose.close(thisMonth().minusMonths(m));
        }
        String name = client.organization().name();

        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(get("/desk/admin/clients").param("sort", "utilisation").session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content()
                        .string(Matchers.matchesPattern("(?s).*<tr class=\"overrun\">\\s*<td><a href=\"/desk/clients/"
                                + client.organization().id() + "\">.*")));
        mvc.perform(get("/desk/contracts/alerts").session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("class=\"recommendation\">Стандарт<")));
        mvc.perform(get("/desk/contracts/alerts").session(deskLogin(manager.email())))
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(get("/desk/contracts/alerts")
                        .session(deskLogin(data.member(Role.MANAGER).email())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(name))));
        mvc.perform(get("/desk/clients/" + client.organization().id()).session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"ledger\"")));
    }

    @Test
    void aTrialOnEconomyAsksForAReviewUntilTheDecisionIsRecorded() throws Exception {
        TestData.Client client = data.client();
        ContractView c = fixtures.sign(client, PlanCode.ECONOMY, 3);
        long org = client.organization().id();
        assertThat(ledgers.alerts(null)).anyMatch(a -> a.organizationId() == org && a.kind() == PlanAlert.Kind.TRIAL);

        mvc.perform(post("/desk/admin/contracts/" + c.id() + "/trial")
                        .session(deskLogin(data.member(Role.HEAD).email()))
                        .with(csrf())
                        .param("decision", "UPGRADE"))
                .andExpect(status().is3xxRedirection());
        assertThat(contracts.contract(c.id()).trialDecision()).isEqualTo(TrialDecision.UPGRADE);
        assertThat(ledgers.alerts(null)).noneMatch(a -> a.organizationId() == org);
    }

    @Test
    void anAdminEditsACataloguePlan() throws Exception {
        PlanView before = contracts.plan(PlanCode.ECONOMY);
        try {
            mvc.perform(post("/desk/admin/plans/ECONOMY")
                            .session(deskLogin(data.member(Role.ADMIN).email()))
                            .with(csrf())
                            .param("nameRu", "Эконом")
                            .param("nameEn", "Economy")
                            .param("monthlyFee", "16000")
                            .param("hours", "12")
                            .param("firstResponseHours", "8")
                            .param("resolutionHours", "40")
                            .param("tierRank", "2")
                            .param("carryOverMonths", "6"))
                    .andExpect(status().is3xxRedirection());
            assertThat(contracts.plan(PlanCode.ECONOMY).includedMinutes()).isEqualTo(720);
            assertThat(contracts.plan(PlanCode.ECONOMY).carryOverMonths()).isEqualTo(6);
            mvc.perform(get("/desk/admin/plans")
                            .session(deskLogin(data.member(Role.ADMIN).email())))
                    .andExpect(content()
                            .string(Matchers.containsString(
                                    "name=\"carryOverMonths\" type=\"number\" min=\"1\" max=\"120\" value=\"6\"")));
        } finally {
            contracts.updatePlan(
                    PlanCode.ECONOMY,
                    new PlanChange(
                            before.nameRu(),
                            before.nameEn(),
                            before.monthlyFee(),
                            before.includedMinutes(),
                            before.firstResponseHours(),
                            before.resolutionHours(),
                            before.personalManager(),
                            before.tierRank(),
                            before.carryOverMonths()));
        }
    }
}
