package dev.tidesk.contract.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.contract.ContractTerms;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.IndividualTerms;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.contract.terms.Contract;
import dev.tidesk.contract.terms.TermsPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ledger maths against tables computed by hand. Minutes throughout; 10 h = 600.
 * Catalogue: Economy 10 h, Standard 20 h, Premium 40 h.
 */
public class LedgerTests {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final Map<PlanCode, PlanView> CATALOGUE = catalogue();

    static Map<PlanCode, PlanView> catalogue() {
        Map<PlanCode, PlanView> map = new EnumMap<>(PlanCode.class);
        map.put(PlanCode.ECONOMY, plan(PlanCode.ECONOMY, 600, 2));
        map.put(PlanCode.STANDARD, plan(PlanCode.STANDARD, 1200, 1));
        map.put(PlanCode.PREMIUM, plan(PlanCode.PREMIUM, 2400, 0));
        return map;
    }

    static PlanView plan(PlanCode code, int minutes, int tier) {
        return new PlanView(
                tier,
                code,
                code.name(),
                code.name(),
                BigDecimal.TEN,
                minutes,
                4,
                24,
                code == PlanCode.PREMIUM,
                tier,
                null);
    }

    static Contract contract(LocalDate start, PlanCode plan) {
        return new Contract(
                1L,
                "D-1",
                start,
                TermsPeriod.catalogue(YearMonth.from(start), plan, "t", NOW),
                null,
                false,
                null,
                "t",
                NOW);
    }

    static Map<YearMonth, Integer> used(String... monthAndMinutes) {
        Map<YearMonth, Integer> map = new java.util.HashMap<>();
        for (String s : monthAndMinutes) {
            String[] p = s.split("=");
            map.put(YearMonth.parse(p[0]), Integer.parseInt(p[1]));
        }
        return map;
    }

    /** [month, included, used, balance, running, percent] for each line. */
    static void assertLines(List<LedgerMonth> lines, Object[]... expected) {
        assertThat(lines).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            LedgerMonth l = lines.get(i);
            Object[] e = expected[i];
            assertThat(new Object[] {
                        l.month().toString(),
                        l.includedMinutes(),
                        l.usedMinutes(),
                        l.balanceMinutes(),
                        l.runningMinutes(),
                        l.utilisationPercent()
                    })
                    .as("line %s", e[0])
                    .containsExactly(e);
        }
    }

    @Test
    void monthsUnderAndOverWithTheRunningBalanceGoingNegativeAndBack() {
        Contract c = contract(LocalDate.of(2026, 1, 1), PlanCode.STANDARD);
        List<LedgerMonth> lines = Ledgers.months(
                c,
                LocalDate.of(2026, 5, 20),
                CATALOGUE,
                used("2026-01=600", "2026-02=1500", "2026-03=1800", "2026-04=900"),
                List.of());
        assertLines(
                lines,
                new Object[] {"2026-01", 1200, 600, 600, 600, 50},
                new Object[] {"2026-02", 1200, 1500, -300, 300, 125},
                new Object[] {"2026-03", 1200, 1800, -600, -300, 150},
                new Object[] {"2026-04", 1200, 900, 300, 0, 75},
                new Object[] {"2026-05", 1200, 0, 1200, 1200, 0});
        assertThat(lines.get(2).over()).isTrue();
        assertThat(lines.get(3).over()).isFalse();
    }

    /**
     * The carry-over window by hand: Economy (600 a month) with a 3-month window. Unused minutes of a
     * month count in that month and the next two; an overrun uses the oldest first; an overrun no
     * unused minutes cover is owed until later unused minutes pay it.
     * Jan +300 (lots Jan 300); Feb +200 (Jan 300, Feb 200); Mar -300 takes Jan's 300 (Feb 200);
     * Apr +100 (Feb 200, Apr 100); May: Feb's 200 are gone (Apr 100); Jun -400 takes Apr's 100,
     * 300 owed; Jul +400 pays the 300 (Jul 100); Aug and Sep even; Oct: Jul's 100 are gone.
     * The running balance (de facto carry-over) never drops anything: 300 at the end.
     */
    @ParameterizedTest(name = "{0}: used {1}, balance {2}, running {3}, within the window {4}")
    @CsvSource({
        "2025-01, 300, 300, 300, 300",
        "2025-02, 400, 200, 500, 500",
        "2025-03, 900, -300, 200, 200",
        "2025-04, 500, 100, 300, 300",
        "2025-05, 600, 0, 300, 100",
        "2025-06, 1000, -400, -100, -300",
        "2025-07, 200, 400, 300, 100",
        "2025-08, 600, 0, 300, 100",
        "2025-09, 600, 0, 300, 100",
        "2025-10, 600, 0, 300, 0"
    })
    void unusedHoursCountWithinTheWindowAndTheRunningBalanceKeepsThemAll(
            String month, int used, int balance, int running, int window) {
        java.util.List<Ledger.MonthInput> in = new java.util.ArrayList<>();
        int[] usedByMonth = {300, 400, 900, 500, 600, 1000, 200, 600, 600, 600};
        for (int i = 0; i < usedByMonth.length; i++) {
            in.add(new Ledger.MonthInput(YearMonth.of(2025, 1 + i), PlanCode.ECONOMY, 600, usedByMonth[i], null, 3));
        }
        LedgerMonth line = Ledger.compute(in).stream()
                .filter(l -> l.month().equals(YearMonth.parse(month)))
                .findFirst()
                .orElseThrow();
        assertThat(new int[] {line.usedMinutes(), line.balanceMinutes(), line.runningMinutes(), line.windowMinutes()})
                .containsExactly(used, balance, running, window);
        assertThat(line.windowMonths()).isEqualTo(3);
    }

    @Test
    void withoutAWindowBothBalancesAreTheSame() {
        java.util.List<Ledger.MonthInput> in = new java.util.ArrayList<>();
        int[] usedByMonth = {300, 400, 900, 500, 600, 1000, 200, 600, 600, 600};
        for (int i = 0; i < usedByMonth.length; i++) {
            in.add(new Ledger.MonthInput(YearMonth.of(2025, 1 + i), PlanCode.ECONOMY, 600, usedByMonth[i], null));
        }
        assertThat(Ledger.compute(in)).allSatisfy(l -> {
            assertThat(l.windowMinutes()).isEqualTo(l.runningMinutes());
            assertThat(l.windowMonths()).isNull();
        });
    }

    @Test
    void thePlansWindowAppliesUnlessTheContractHasItsOwn() {
        Map<PlanCode, PlanView> catalogue = new EnumMap<>(CATALOGUE);
        catalogue.put(
                PlanCode.ECONOMY, new PlanView(2, PlanCode.ECONOMY, "E", "E", BigDecimal.TEN, 600, 4, 24, false, 2, 2));
        Contract c = contract(LocalDate.of(2026, 1, 1), PlanCode.ECONOMY);
        // Jan +500, Feb +100, Mar +0, Apr -200: with the plan's 2 months Jan's 500 are gone by March
        Map<YearMonth, Integer> used = used("2026-01=100", "2026-02=500", "2026-03=600", "2026-04=800");
        List<LedgerMonth> plan = Ledgers.months(c, LocalDate.of(2026, 4, 30), catalogue, used, List.of());
        assertThat(plan).extracting(LedgerMonth::windowMinutes).containsExactly(500, 600, 100, -200);
        assertThat(plan).extracting(LedgerMonth::runningMinutes).containsExactly(500, 600, 600, 400);
        // the contract's own 4 months: nothing expires yet, Apr's overrun takes 200 of January's 500
        c.changeCarryOver(4, "head", NOW);
        List<LedgerMonth> own = Ledgers.months(c, LocalDate.of(2026, 4, 30), catalogue, used, List.of());
        assertThat(own).extracting(LedgerMonth::windowMinutes).containsExactly(500, 600, 600, 400);
        assertThat(own).extracting(LedgerMonth::windowMonths).containsOnly(4);
        assertThat(c.view(catalogue, LocalDate.of(2026, 4, 30)).carryOverWindow())
                .isEqualTo(4);
        c.changeCarryOver(null, "head", NOW);
        assertThat(c.view(catalogue, LocalDate.of(2026, 4, 30)).carryOverWindow())
                .isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.changeCarryOver(0, "head", NOW))
                .isInstanceOf(dev.tidesk.shared.DomainException.class);
    }

    @Test
    void aPlanChangeMidYearCountsEachMonthOnThePlanInForce() {
        Contract c = contract(LocalDate.of(2026, 1, 1), PlanCode.ECONOMY);
        c.changePlan(TermsPeriod.catalogue(YearMonth.of(2026, 4), PlanCode.STANDARD, "head", NOW), null, "head", NOW);
        List<LedgerMonth> lines = Ledgers.months(
                c,
                LocalDate.of(2026, 6, 30),
                CATALOGUE,
                used("2026-01=700", "2026-02=800", "2026-03=900", "2026-04=1000", "2026-05=1300", "2026-06=1200"),
                List.of());
        assertLines(
                lines,
                new Object[] {"2026-01", 600, 700, -100, -100, 117},
                new Object[] {"2026-02", 600, 800, -200, -300, 133},
                new Object[] {"2026-03", 600, 900, -300, -600, 150},
                new Object[] {"2026-04", 1200, 1000, 200, -400, 83},
                new Object[] {"2026-05", 1200, 1300, -100, -500, 108},
                new Object[] {"2026-06", 1200, 1200, 0, -500, 100});
        assertThat(lines.stream().map(LedgerMonth::planCode).toList())
                .containsExactly(
                        PlanCode.ECONOMY,
                        PlanCode.ECONOMY,
                        PlanCode.ECONOMY,
                        PlanCode.STANDARD,
                        PlanCode.STANDARD,
                        PlanCode.STANDARD);
    }

    @Test
    void anIndividualPlanUsesItsOwnHours() {
        Contract c = new Contract(
                1L,
                "D-2",
                LocalDate.of(2026, 2, 1),
                TermsPeriod.individual(
                        YearMonth.of(2026, 2),
                        new IndividualTerms("45 h", new BigDecimal("99000"), 2700, 2, 16, true, 0),
                        "t",
                        NOW),
                7L,
                true,
                "weekend deploys",
                "t",
                NOW);
        List<LedgerMonth> lines =
                Ledgers.months(c, LocalDate.of(2026, 3, 3), CATALOGUE, used("2026-02=3000", "2026-03=2000"), List.of());
        assertLines(lines, new Object[] {"2026-02", 2700, 3000, -300, -300, 111}, new Object[] {
            "2026-03", 2700, 2000, 700, 400, 74
        });
        ContractTerms terms = Contracts.terms(c, LocalDate.of(2026, 3, 3), CATALOGUE);
        assertThat(terms.planCode()).isEqualTo(PlanCode.INDIVIDUAL);
        assertThat(terms.tierRank()).isZero();
        assertThat(terms.personalManagerId()).isEqualTo(7L);
        assertThat(terms.testCopyOnly()).isTrue();
        assertThat(terms.includedMinutes()).isEqualTo(2700);
        assertThat(terms.firstResponseHours()).isEqualTo(2);
    }

    @Test
    void aLateEntryIntoAClosedMonthIsAnAdjustmentAndMovesTheRunningBalance() {
        // January closed at 500 used of 600; 150 more were logged into January afterwards.
        List<LedgerMonth> lines = Ledger.compute(List.of(
                new Ledger.MonthInput(YearMonth.of(2026, 1), PlanCode.ECONOMY, 600, 650, new Ledger.Frozen(600, 500)),
                new Ledger.MonthInput(YearMonth.of(2026, 2), PlanCode.ECONOMY, 600, 400, null)));
        assertThat(lines.get(0).closed()).isTrue();
        assertThat(lines.get(0).adjustmentMinutes()).isEqualTo(150);
        assertThat(lines.get(0).balanceMinutes()).isEqualTo(-50);
        assertThat(lines.get(1).adjustmentMinutes()).isZero();
        assertThat(lines.get(1).runningMinutes()).isEqualTo(150);
    }

    @Test
    void aClosedMonthKeepsItsFrozenIncludedWhenThePlanIsEditedLater() {
        List<LedgerMonth> lines = Ledger.compute(List.of(
                new Ledger.MonthInput(YearMonth.of(2026, 1), PlanCode.ECONOMY, 900, 500, new Ledger.Frozen(600, 500))));
        assertThat(lines.get(0).includedMinutes()).isEqualTo(600);
        assertThat(lines.get(0).balanceMinutes()).isEqualTo(100);
    }

    /**
     * A partial month counts pro rata by calendar days: round(plan × days / days in month). The first
     * invoice of a mid-month contract is pro rata, so a whole month of hours would give the client a
     * running balance nobody paid for.
     */
    @ParameterizedTest(name = "start {0}, end {1}, plan {2} → {3} in {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-04-16, -,          600, 300, 2026-04", // 15 of 30 days
                "2026-01-20, -,          600, 232, 2026-01", // 12 of 31 days: 232.26
                "2027-02-15, -,          600, 300, 2027-02", // 14 of 28 days
                "2026-04-01, -,          600, 600, 2026-04", // whole month
                "2026-04-16, -,          600, 600, 2026-05", // the next month is whole
                "2026-01-01, 2026-06-10, 1200, 400, 2026-06", // ends on the 10th: 10 of 30 days
                "2026-03-31, 2026-03-31, 3100, 100, 2026-03", // one day of 31
            })
    void partialMonthsArePaidAndCountedProRata(
            LocalDate start, LocalDate end, int plan, int expected, YearMonth month) {
        assertThat(Ledger.included(month, start, end, plan)).isEqualTo(expected);
    }

    @Test
    void aContractStartingMidMonthLeavesOutWorkBeforeItsStart() {
        Contract c = contract(LocalDate.of(2026, 4, 16), PlanCode.ECONOMY);
        // the caller sums minutes only from the start day: 200 logged 16-30 April
        List<LedgerMonth> lines =
                Ledgers.months(c, LocalDate.of(2026, 5, 2), CATALOGUE, used("2026-04=200", "2026-05=100"), List.of());
        assertLines(
                lines, new Object[] {"2026-04", 300, 200, 100, 100, 67}, new Object[] {"2026-05", 600, 100, 500, 600, 17
                });
    }

    @Test
    void nothingIncludedGivesNoPercentage() {
        List<LedgerMonth> lines =
                Ledger.compute(List.of(new Ledger.MonthInput(YearMonth.of(2026, 1), PlanCode.INDIVIDUAL, 0, 60, null)));
        assertThat(lines.get(0).utilisationPercent()).isNull();
        assertThat(lines.get(0).runningMinutes()).isEqualTo(-60);
    }
}
