package dev.tidesk.workspace;

import dev.tidesk.contract.ClientLedger;
import dev.tidesk.contract.ClientUtilisation;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.IndividualTerms;
import dev.tidesk.contract.Ledgers;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.Recommendations;
import dev.tidesk.contract.TrialDecision;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.worklog.NormHours;
import dev.tidesk.worklog.WorkLog;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contracts and ledgers in the workspace: the all-clients list, signing and changing contracts and
 * closing past months for admins and HEAD ({@code /desk/admin/...}); one client's ledger and
 * statements for staff. The plan catalogue is {@link PlanCatalogueController}, the plan alerts
 * {@link PlanAlertController}.
 */
@Controller
class ContractDeskController {

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

    record SignForm(
            @NotNull Long organizationId,
            @NotBlank @Size(max = 50) String number,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate startDate,

            @NotNull PlanCode plan,
            Long managerId,
            Boolean testCopyOnly,
            @Size(max = 4000) String specialTerms,
            String individualName,
            String individualHours,
            BigDecimal individualFee,
            Integer individualFirstResponse,
            Integer individualResolution,
            Integer individualTier,
            Boolean individualManager) {

        IndividualForm individual() {
            return new IndividualForm(
                    individualName,
                    individualHours,
                    individualFee,
                    individualFirstResponse,
                    individualResolution,
                    individualTier,
                    individualManager);
        }
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
            Boolean individualManager) {

        IndividualForm individual() {
            return new IndividualForm(
                    individualName,
                    individualHours,
                    individualFee,
                    individualFirstResponse,
                    individualResolution,
                    individualTier,
                    individualManager);
        }
    }

    static final Set<String> SORTS = Set.of("name", "utilisation", "balance");

    private final Contracts contracts;
    private final Ledgers ledgers;
    private final Customers customers;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final Recommendations recommendations;
    private final WorkLog workLog;

    private final ContractChangeLabels changeLabels;

    private final dev.tidesk.system.FlashMessages flashes;

    ContractDeskController(
            Contracts contracts,
            Ledgers ledgers,
            Customers customers,
            StaffDirectory staff,
            MessageSource messages,
            Recommendations recommendations,
            WorkLog workLog,
            dev.tidesk.contract.MonthlyClose monthlyClose,
            dev.tidesk.audit.AuditLog audit,
            ContractChangeLabels changeLabels,
            dev.tidesk.system.FlashMessages flashes) {
        this.flashes = flashes;
        this.changeLabels = changeLabels;
        this.audit = audit;
        this.monthlyClose = monthlyClose;
        this.workLog = workLog;
        this.recommendations = recommendations;
        this.contracts = contracts;
        this.ledgers = ledgers;
        this.customers = customers;
        this.staff = staff;
        this.messages = messages;
    }

    private final dev.tidesk.contract.MonthlyClose monthlyClose;
    private final dev.tidesk.audit.AuditLog audit;

    // --- clients -----------------------------------------------------------------------------

    @GetMapping("/desk/admin/clients")
    String clients(@RequestParam(defaultValue = "name") String sort, Model model) {
        String s = SORTS.contains(sort) ? sort : "name";
        List<ClientUtilisation> list = new ArrayList<>(ledgers.utilisation());
        Comparator<ClientUtilisation> order = switch (s) {
            case "utilisation" ->
                Comparator.comparing((ClientUtilisation c) -> c.month().utilisationPercent() == null
                                ? Integer.MAX_VALUE
                                : c.month().utilisationPercent())
                        .reversed();
            case "balance" -> Comparator.comparingInt(c -> c.month().runningMinutes());
            default ->
                Comparator.comparing(
                        ClientUtilisation::organizationName, Comparator.nullsLast(String::compareToIgnoreCase));
        };
        list.sort(order);
        Set<Long> withContract =
                list.stream().map(ClientUtilisation::organizationId).collect(Collectors.toSet());
        model.addAttribute("clients", list);
        model.addAttribute("sort", s);
        model.addAttribute("sorts", List.of("name", "utilisation", "balance"));
        model.addAttribute(
                "unsigned",
                customers.organizations().stream()
                        .filter(o -> !withContract.contains(o.id()))
                        .toList());
        model.addAttribute(
                "planCodes", List.of(PlanCode.ECONOMY, PlanCode.STANDARD, PlanCode.PREMIUM, PlanCode.INDIVIDUAL));
        model.addAttribute("managers", managers());
        model.addAttribute("today", workLog.today());
        model.addAttribute("lastClosable", monthlyClose.lastClosable().toString());
        return "workspace/contract/clients";
    }

    /**
     * Closes every open month up to the one given, in order, through the monthly close itself: for
     * contracts entered with a start in the past, and after downtime over a month's end.
     */
    @PostMapping("/desk/admin/clients/close-months")
    String closeMonths(@RequestParam String upTo, RedirectAttributes redirect) {
        java.time.YearMonth last;
        try {
            last = java.time.YearMonth.parse(upTo.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new dev.tidesk.shared.DomainException("contract.close.error.month", "Not a month: " + upTo);
        }
        int closed = monthlyClose.closeUpTo(last);
        audit.record(dev.tidesk.audit.AuditAction.MONTHS_CLOSED, "up to " + last, closed + " contract months closed");
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        "contract.close.done",
                        new Object[] {last.toString(), closed},
                        LocaleContextHolder.getLocale()));
        return "redirect:/desk/admin/clients";
    }

    /**
     * Signs a contract. A form that is incomplete or that the contract refuses (a second contract,
     * incomplete individual terms) comes back with what was typed and why, answered 422.
     */
    @PostMapping("/desk/admin/contracts")
    String sign(
            @AuthenticationPrincipal TideskUser me,
            @Validated @ModelAttribute SignForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean test = Boolean.TRUE.equals(form.testCopyOnly());
        List<String> problems = FormErrors.of(errors, messages, "contract.sign.field");
        if (problems.isEmpty()) {
            try {
                if (form.plan() == PlanCode.INDIVIDUAL) {
                    contracts.signIndividual(
                            form.organizationId(),
                            form.number(),
                            form.startDate(),
                            form.individual().terms(),
                            form.managerId(),
                            test,
                            form.specialTerms(),
                            me.displayName());
                } else {
                    contracts.sign(
                            form.organizationId(),
                            form.number(),
                            form.startDate(),
                            form.plan(),
                            form.managerId(),
                            test,
                            form.specialTerms(),
                            me.displayName());
                }
            } catch (DomainException e) {
                problems.add(FormErrors.of(e, messages));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("signForm", form);
            model.addAttribute("signErrors", problems);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return clients("name", model);
        }
        if (form.startDate() != null
                && java.time.YearMonth.from(form.startDate()).isBefore(java.time.YearMonth.from(workLog.today()))) {
            // a contract that began in a past month: offer to close those months at once
            flashes.notice(redirect, "contract.sign.done.backdated");
            return "redirect:/desk/admin/clients#close-months-form";
        }
        flashes.notice(redirect, "contract.sign.done");
        return "redirect:/desk/clients/" + form.organizationId();
    }

    @GetMapping("/desk/clients/{organizationId}")
    String client(@AuthenticationPrincipal TideskUser me, @PathVariable long organizationId, Model model) {
        ClientLedger ledger = ledgers.ledgerOf(organizationId);
        List<dev.tidesk.contract.LedgerMonth> newestFirst = new ArrayList<>(ledger.months());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("ledger", ledger);
        model.addAttribute("monthsNewestFirst", newestFirst);
        model.addAttribute("current", ledger.last());
        model.addAttribute("admin", me.hasRole(Role.ADMIN, Role.HEAD));
        model.addAttribute("actsAllowed", me.hasRole(Role.ADMIN, Role.HEAD, Role.AGENT, Role.MANAGER));
        ContractView c = ledger.contract();
        if (c != null) {
            model.addAttribute("manager", c.personalManagerId() == null ? null : staff.member(c.personalManagerId()));
            model.addAttribute("changes", contracts.changesOf(c.id()));
            model.addAttribute(
                    "alerts",
                    ledgers.alerts(null).stream()
                            .filter(a -> a.organizationId() == organizationId)
                            .toList());
        }
        model.addAttribute(
                "planCodes", List.of(PlanCode.ECONOMY, PlanCode.STANDARD, PlanCode.PREMIUM, PlanCode.INDIVIDUAL));
        model.addAttribute("managers", managers());
        model.addAttribute("decisions", TrialDecision.values());
        model.addAttribute("nextMonth", YearMonth.from(workLog.today()).plusMonths(1));
        model.addAttribute("overrunPercent", recommendations.overrunPercent());
        model.addAttribute("contractChanges", changeLabels);
        return "workspace/contract/client";
    }

    @GetMapping("/desk/clients/{organizationId}/statements/{month}")
    String statement(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long organizationId,
            @PathVariable String month,
            Model model) {
        try {
            model.addAttribute("statement", ledgers.statement(organizationId, YearMonth.parse(month)));
        } catch (DateTimeParseException e) {
            throw new NotFoundException("No month " + month);
        }
        model.addAttribute("area", "desk");
        // the акт is a document for the client: support's, not the specialists'
        model.addAttribute("acts", me.hasRole(Role.ADMIN, Role.HEAD, Role.AGENT, Role.MANAGER));
        return "portal/contract/statement";
    }

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

    private List<dev.tidesk.team.StaffView> managers() {
        return staff.everyone().stream()
                .filter(s -> s.role() != Role.SPECIALIST)
                .toList();
    }
}
