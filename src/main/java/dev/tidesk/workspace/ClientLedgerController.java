package dev.tidesk.workspace;

import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.Recommendations;
import dev.tidesk.contract.TrialDecision;
import dev.tidesk.contract.ledger.ClientLedger;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One client's ledger and statements for staff ({@code /desk/clients/{id}}): the norm-hour months,
 * the contract with its history and alerts, and the forms that {@link ContractChangeController}
 * answers.
 */
@Controller
class ClientLedgerController {

    private final Contracts contracts;
    private final Ledgers ledgers;
    private final StaffDirectory staff;
    private final Recommendations recommendations;
    private final WorkLog workLog;
    private final ContractChangeLabels changeLabels;

    ClientLedgerController(
            Contracts contracts,
            Ledgers ledgers,
            StaffDirectory staff,
            Recommendations recommendations,
            WorkLog workLog,
            ContractChangeLabels changeLabels) {
        this.contracts = contracts;
        this.ledgers = ledgers;
        this.staff = staff;
        this.recommendations = recommendations;
        this.workLog = workLog;
        this.changeLabels = changeLabels;
    }

    @GetMapping("/desk/clients/{organizationId}")
    String client(@AuthenticationPrincipal TideskUser me, @PathVariable long organizationId, Model model) {
        ClientLedger ledger = ledgers.ledgerOf(organizationId);
        List<dev.tidesk.contract.ledger.LedgerMonth> newestFirst = new ArrayList<>(ledger.months());
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
        model.addAttribute("planCodes", ContractForms.PLAN_CODES);
        model.addAttribute("managers", ContractForms.managers(staff));
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
}
