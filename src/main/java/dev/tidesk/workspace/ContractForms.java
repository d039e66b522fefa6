package dev.tidesk.workspace;

import dev.tidesk.contract.IndividualTerms;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.DomainException;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.worklog.NormHours;
import java.math.BigDecimal;
import java.util.List;

/** What the contract screens share: the individual terms as typed, the plans offered, who may manage. */
final class ContractForms {

    /** The plans a contract can be signed on or changed to, in the order the forms list them. */
    static final List<PlanCode> PLAN_CODES =
            List.of(PlanCode.ECONOMY, PlanCode.STANDARD, PlanCode.PREMIUM, PlanCode.INDIVIDUAL);

    private ContractForms() {}

    /** Terms of an individual plan as typed in a form; all optional unless the plan is INDIVIDUAL. */
    record IndividualForm(
            String individualName,
            String individualHours,
            BigDecimal individualFee,
            Integer individualFirstResponse,
            Integer individualResolution,
            Integer individualTier,
            Boolean individualManager) {

        IndividualTerms terms() {
            if (individualHours == null
                    || individualHours.isBlank()
                    || individualFee == null
                    || individualFirstResponse == null
                    || individualResolution == null) {
                throw new DomainException("contract.error.individual", "Individual terms are incomplete");
            }
            return new IndividualTerms(
                    individualName,
                    individualFee,
                    NormHours.parse(individualHours),
                    individualFirstResponse,
                    individualResolution,
                    Boolean.TRUE.equals(individualManager),
                    individualTier == null ? 1 : individualTier);
        }
    }

    /** A form that carries individual terms among its fields: signing, or changing to an individual plan. */
    interface WithIndividualTerms {
        String individualName();

        String individualHours();

        BigDecimal individualFee();

        Integer individualFirstResponse();

        Integer individualResolution();

        Integer individualTier();

        Boolean individualManager();

        default IndividualForm individual() {
            return new IndividualForm(
                    individualName(),
                    individualHours(),
                    individualFee(),
                    individualFirstResponse(),
                    individualResolution(),
                    individualTier(),
                    individualManager());
        }
    }

    /** Who may be a personal manager: every staff member but the specialists. */
    static List<dev.tidesk.team.StaffView> managers(StaffDirectory staff) {
        return staff.everyone().stream()
                .filter(s -> s.role() != Role.SPECIALIST)
                .toList();
    }
}
