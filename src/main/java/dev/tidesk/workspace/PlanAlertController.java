package dev.tidesk.workspace;

import dev.tidesk.contract.Recommendations;
import dev.tidesk.contract.alert.PlanAlerts;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.NotFoundException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan alerts (R9 overruns, R11 trial reviews): the head sees all, a personal manager their own
 * clients'; either acknowledges a stored alert.
 */
@Controller
class PlanAlertController {

    private final Ledgers ledgers;
    private final Recommendations recommendations;
    private final PlanAlerts planAlerts;
    private final dev.tidesk.system.FlashMessages flashes;

    PlanAlertController(
            Ledgers ledgers,
            Recommendations recommendations,
            PlanAlerts planAlerts,
            dev.tidesk.system.FlashMessages flashes) {
        this.ledgers = ledgers;
        this.recommendations = recommendations;
        this.planAlerts = planAlerts;
        this.flashes = flashes;
    }

    @GetMapping("/desk/contracts/alerts")
    String alerts(@AuthenticationPrincipal TideskUser me, Model model) {
        boolean head = me.hasRole(Role.ADMIN, Role.HEAD);
        model.addAttribute(
                "alerts",
                head ? ledgers.alerts(null) : me.staffId() == null ? List.of() : ledgers.alerts(me.staffId()));
        model.addAttribute("overrunPercent", recommendations.overrunPercent());
        Long mine = head ? null : me.staffId();
        boolean none = !head && me.staffId() == null;
        model.addAttribute("stored", none ? List.of() : planAlerts.open(mine));
        model.addAttribute("acknowledged", none ? List.of() : planAlerts.recentlyAcknowledged(mine));
        return "workspace/contract/alerts";
    }

    /** The head, or the client's personal manager, acknowledges a stored alert (who and when are kept). */
    @PostMapping("/desk/contracts/alerts/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        boolean head = me.hasRole(Role.ADMIN, Role.HEAD);
        if (me.staffId() == null && !head) {
            throw new NotFoundException("No alert " + id);
        }
        // the first-start admin has no staff record: the alert keeps their name
        planAlerts.acknowledge(id, me.staffId(), me.displayName(), head);
        flashes.notice(redirect, "contract.alerts.acknowledged.done");
        return "redirect:/desk/contracts/alerts";
    }
}
