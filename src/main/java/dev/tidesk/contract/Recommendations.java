package dev.tidesk.contract;

import dev.tidesk.contract.ledger.LedgerMonth;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rules that read a ledger and advise: overrun (R9), the recommended plan, and when a trial
 * on Economy is due for review (R11). Thresholds come from {@link ContractSettings}.
 */
@Component
public class Recommendations {

    private final ContractSettings settings;

    Recommendations(ContractSettings settings) {
        this.settings = settings;
    }

    /**
     * Overrun: of the latest {@code overrunWindow} closed months, at least {@code overrunMonths}
     * used more than {@code overrunPercent}% of included. A month with nothing included and
     * something used counts as over.
     */
    public boolean overrun(List<LedgerMonth> months) {
        List<LedgerMonth> window = lastClosed(months, settings.overrunWindow());
        if (window.size() < settings.overrunMonths()) {
            return false;
        }
        long over = window.stream()
                .filter(m -> (long) m.usedMinutes() * 100 > (long) m.includedMinutes() * settings.overrunPercent())
                .count();
        return over >= settings.overrunMonths();
    }

    /**
     * The smallest catalogue plan whose included hours cover the average used in the latest
     * closed months of the window, or {@link PlanCode#INDIVIDUAL} when none does; null without
     * a closed month.
     */
    public PlanCode recommend(List<LedgerMonth> months, Map<PlanCode, PlanView> catalogue) {
        List<LedgerMonth> window = lastClosed(months, settings.overrunWindow());
        if (window.isEmpty()) {
            return null;
        }
        double average =
                window.stream().mapToInt(LedgerMonth::usedMinutes).average().orElse(0);
        return catalogue.values().stream()
                .filter(p -> p.includedMinutes() >= average)
                .min(Comparator.comparingInt(PlanView::includedMinutes))
                .map(PlanView::code)
                .orElse(PlanCode.INDIVIDUAL);
    }

    /** Average minutes used in the window of closed months (0 without any). */
    public int averageUsed(List<LedgerMonth> months) {
        return (int) Math.round(lastClosed(months, settings.overrunWindow()).stream()
                .mapToInt(LedgerMonth::usedMinutes)
                .average()
                .orElse(0));
    }

    /**
     * A trial review is due when the contract started on Economy, no decision is recorded, and
     * {@code trialMonths} have passed since its start.
     */
    public boolean trialReviewDue(ContractView contract, LocalDate today) {
        if (contract.periods().isEmpty()
                || contract.periods().get(0).planCode() != PlanCode.ECONOMY
                || contract.trialDecision() != null) {
            return false;
        }
        return !today.isBefore(contract.startDate().plusMonths(settings.trialMonths()));
    }

    public int trialMonths() {
        return settings.trialMonths();
    }

    public int overrunPercent() {
        return settings.overrunPercent();
    }

    static List<LedgerMonth> lastClosed(List<LedgerMonth> months, int window) {
        List<LedgerMonth> closed = months.stream()
                .filter(LedgerMonth::closed)
                .sorted(Comparator.comparing(LedgerMonth::month))
                .toList();
        return closed.subList(Math.max(0, closed.size() - window), closed.size());
    }
}
