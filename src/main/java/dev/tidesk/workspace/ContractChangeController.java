package dev.tidesk.workspace;

import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.TrialDecision;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.system.FlashMessages;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes to a signed contract by admins and HEAD ({@code /desk/admin/contracts/{id}/...}): plan,
 * personal manager, conditions, carry-over, end and the trial decision, each kept in the contract's
 * history. Each answers back on the client's page ({@link ClientLedgerController}).
 */
@Controller
class ContractChangeController {

    private final Contracts contracts;
    private final FlashMessages flashes;

    ContractChangeController(Contracts contracts, FlashMessages flashes) {
        this.contracts = contracts;
        this.flashes = flashes;
    }

    record PlanChangeForm(
            @NotNull @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @NotNull PlanCode plan,
            String individualName,
            String individualHours,
            BigDecimal individualFee,
            Integer individualFirstResponse,
            Integer individualResolution,
            Integer individualTier,
            Boolean individualManager)
            implements ContractForms.WithIndividualTerms {}

    @PostMapping("/desk/admin/contracts/{id}/plan")
    String changePlan(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute PlanChangeForm form,
            RedirectAttributes redirect) {
        ContractView c = form.plan() == PlanCode.INDIVIDUAL
                ? contracts.changeToIndividual(
                        id, form.from(), form.individual().terms(), me.displayName())
                : contracts.changePlan(id, form.from(), form.plan(), me.displayName());
        flashes.notice(redirect, "contract.changePlan.done");
        return "redirect:/desk/clients/" + c.organizationId();
    }

    @PostMapping("/desk/admin/contracts/{id}/manager")
    String changeManager(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam(required = false) Long managerId,
            RedirectAttributes redirect) {
        ContractView c = contracts.changeManager(id, managerId, me.displayName());
        flashes.notice(redirect, "contract.manager.done");
        return "redirect:/desk/clients/" + c.organizationId();
    }

    /** "All work via the test copy first" and the special terms, changed after signing, with history. */
    @PostMapping("/desk/admin/contracts/{id}/conditions")
    String changeConditions(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean testCopyOnly,
            @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 4000) String specialTerms,
            RedirectAttributes redirect) {
        ContractView c = contracts.changeConditions(id, testCopyOnly, specialTerms, me.displayName());
        flashes.notice(redirect, "contract.conditions.done");
        return "redirect:/desk/clients/" + c.organizationId();
    }

    /** The contract's own window for unused hours in months; blank: the plan's. */
    @PostMapping("/desk/admin/contracts/{id}/carry-over")
    String changeCarryOver(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam(required = false) Integer carryOverMonths,
            RedirectAttributes redirect) {
        ContractView c = contracts.changeCarryOver(id, carryOverMonths, me.displayName());
        flashes.notice(redirect, "contract.carryOver.done");
        return "redirect:/desk/clients/" + c.organizationId();
    }

    @PostMapping("/desk/admin/contracts/{id}/end")
    String end(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        ContractView c = contracts.end(id, day, me.displayName());
        flashes.notice(redirect, "contract.end.done");
        return "redirect:/desk/clients/" + c.organizationId();
    }

    @PostMapping("/desk/admin/contracts/{id}/trial")
    String trial(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam TrialDecision decision,
            RedirectAttributes redirect) {
        ContractView c = contracts.decideTrial(id, decision, me.displayName());
        flashes.notice(redirect, "contract.trial.done");
        return "redirect:/desk/clients/" + c.organizationId();
    }
}
