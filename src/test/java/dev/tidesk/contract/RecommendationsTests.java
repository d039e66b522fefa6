package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.contract.ledger.Ledger;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.LedgerTests;
import dev.tidesk.contract.terms.Contract;
import dev.tidesk.contract.terms.TermsPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overrun rule, the recommended plan and the trial review, at their thresholds. */
class RecommendationsTests {

    final Recommendations rules = new Recommendations(ContractSettings.defaults());

    /** Closed months of 600 included each with the given used minutes, then an open month. */
    static List<LedgerMonth> closed(int included, String usedList) {
        List<Ledger.MonthInput> in = new ArrayList<>();
        YearMonth m = YearMonth.of(2026, 1);
        for (String u : usedList.split(" ")) {
            int used = Integer.parseInt(u);
            in.add(new Ledger.MonthInput(m, PlanCode.ECONOMY, included, used, new Ledger.Frozen(included, used)));
            m = m.plusMonths(1);
        }
        in.add(new Ledger.MonthInput(m, PlanCode.ECONOMY, included, 5000, null));
        return Ledger.compute(in);
    }

    @ParameterizedTest(name = "used {0} of 600 → overrun {1}")
    @CsvSource({
        "721 721 100,     true", // two of three over 120 %
        "720 721 721,     true",
        "720 720 721,     false", // exactly 120 % is not over
        "721 100 100,     false", // one of three
        "721 721 100 100, false", // the two over months are outside the last three
        "100 721 721 721, true",
        "721,             false", // fewer closed months than required
        "721 721,         true",
    })
    void overrunNeedsTwoOfTheLastThreeClosedMonthsAbove120Percent(String used, boolean overrun) {
        assertThat(rules.overrun(closed(600, used))).isEqualTo(overrun);
    }

    @ParameterizedTest(name = "used {0} → {1}")
    @CsvSource({
        "600 600 600,    ECONOMY",
        "600 600 601,    STANDARD", // average 600.33 > 600
        "1200 1200 1200, STANDARD",
        "2000 2500 2700, PREMIUM", // average 2400 is covered exactly
        "2400 2400 2401, INDIVIDUAL", // no catalogue plan covers 2400.33
        "5000 0 0 0,     ECONOMY", // only the last three count
    })
    void theRecommendationIsTheSmallestPlanCoveringTheAverageOfTheLastThreeMonths(String used, PlanCode plan) {
        assertThat(rules.recommend(closed(600, used), LedgerTests.CATALOGUE)).isEqualTo(plan);
    }

    @Test
    void noRecommendationWithoutAClosedMonth() {
        List<LedgerMonth> open =
                Ledger.compute(List.of(new Ledger.MonthInput(YearMonth.of(2026, 1), PlanCode.ECONOMY, 600, 900, null)));
        assertThat(rules.recommend(open, LedgerTests.CATALOGUE)).isNull();
        assertThat(rules.overrun(open)).isFalse();
    }

    @ParameterizedTest(name = "start {0} on {1}, today {2}, decided {3} → due {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-01-15, ECONOMY,  2026-04-14, -,       false", // one day short of 3 months
                "2026-01-15, ECONOMY,  2026-04-15, -,       true",
                "2026-01-15, ECONOMY,  2026-09-01, -,       true",
                "2026-01-15, ECONOMY,  2026-09-01, STAY,    false", // decided
                "2026-01-15, STANDARD, 2026-09-01, -,       false", // not started on Economy
            })
    void theTrialReviewIsDueAfterThreeMonthsOnEconomyUntilDecided(
            LocalDate start, PlanCode plan, LocalDate today, TrialDecision decision, boolean due) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Contract c = new Contract(
                1L,
                "D",
                start,
                TermsPeriod.catalogue(YearMonth.from(start), plan, "t", now),
                null,
                false,
                null,
                "t",
                now);
        if (decision != null) {
            c.decideTrial(decision, "head", now);
        }
        assertThat(rules.trialReviewDue(c.view(LedgerTests.CATALOGUE, today), today))
                .isEqualTo(due);
    }
}
