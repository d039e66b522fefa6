package dev.tidesk.workspace;

import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanChange;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.shared.DomainException;
import dev.tidesk.worklog.NormHours;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan catalogue for admins and HEAD: names, fee, norm-hours, SLA targets, tier, carry-over window. */
@Controller
class PlanCatalogueController {

    record PlanForm(
            @NotBlank String nameRu,
            @NotBlank String nameEn,
            @NotNull BigDecimal monthlyFee,
            @NotBlank String hours,
            @NotNull Integer firstResponseHours,
            @NotNull Integer resolutionHours,
            Boolean personalManager,
            @NotNull Integer tierRank,
            Integer carryOverMonths) {}

    private final Contracts contracts;
    private final dev.tidesk.system.FlashMessages flashes;

    private final MessageSource messages;

    PlanCatalogueController(Contracts contracts, MessageSource messages, dev.tidesk.system.FlashMessages flashes) {
        this.messages = messages;
        this.contracts = contracts;
        this.flashes = flashes;
    }

    @GetMapping("/desk/admin/plans")
    String plans(Model model) {
        model.addAttribute("plans", contracts.plans());
        return "workspace/contract/plans";
    }

    /** Saves a catalogue plan; a form that cannot be saved comes back with what was typed and why (422). */
    @PostMapping("/desk/admin/plans/{code}")
    String savePlan(
            @PathVariable PlanCode code,
            @Validated @ModelAttribute PlanForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> problems = FormErrors.of(errors, messages, "contract.plan.field");
        if (problems.isEmpty()) {
            try {
                contracts.updatePlan(
                        code,
                        new PlanChange(
                                form.nameRu(),
                                form.nameEn(),
                                form.monthlyFee(),
                                NormHours.parse(form.hours()),
                                form.firstResponseHours(),
                                form.resolutionHours(),
                                Boolean.TRUE.equals(form.personalManager()),
                                form.tierRank(),
                                form.carryOverMonths()));
            } catch (DomainException e) {
                problems.add(FormErrors.of(e, messages));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("draftCode", code);
            model.addAttribute("draft", form);
            model.addAttribute("draftErrors", problems);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return plans(model);
        }
        flashes.notice(redirect, "contract.plans.saved");
        return "redirect:/desk/admin/plans";
    }
}
