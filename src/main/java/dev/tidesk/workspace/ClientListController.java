package dev.tidesk.workspace;

import dev.tidesk.audit.AuditLog;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.ClientUtilisation;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.worklog.WorkLog;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The all-clients list for admins and HEAD ({@code /desk/admin/clients}): utilisation and balance per
 * client, signing a contract, and closing past months. One client's ledger is {@link
 * ClientLedgerController}, changes to a signed contract {@link ContractChangeController}.
 */
@Controller
class ClientListController {

    static final Set<String> SORTS = Set.of("name", "utilisation", "balance");

    private final Contracts contracts;
    private final Ledgers ledgers;
    private final Customers customers;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final WorkLog workLog;
    private final MonthlyClose monthlyClose;
    private final AuditLog audit;
    private final FlashMessages flashes;

    ClientListController(
            Contracts contracts,
            Ledgers ledgers,
            Customers customers,
            StaffDirectory staff,
            MessageSource messages,
            WorkLog workLog,
            MonthlyClose monthlyClose,
            AuditLog audit,
            FlashMessages flashes) {
        this.contracts = contracts;
        this.ledgers = ledgers;
        this.customers = customers;
        this.staff = staff;
        this.messages = messages;
        this.workLog = workLog;
        this.monthlyClose = monthlyClose;
        this.audit = audit;
        this.flashes = flashes;
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
            Boolean individualManager)
            implements ContractForms.WithIndividualTerms {}

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
        model.addAttribute("planCodes", ContractForms.PLAN_CODES);
        model.addAttribute("managers", ContractForms.managers(staff));
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
}
