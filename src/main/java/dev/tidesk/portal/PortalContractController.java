package dev.tidesk.portal;

import dev.tidesk.contract.deferral.DeferralView;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.contract.ledger.ClientLedger;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.ticket.RequestQueries;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The client's contract, plan and norm-hours: this month against the plan, a chart of the last
 * 12 months, and a printable monthly statement. Everything is read through the signed-in
 * contact's own organization; there is no organization in any URL.
 */
@Controller
class PortalContractController {

    private final Ledgers ledgers;
    private final StaffDirectory staff;
    private final Deferrals deferrals;
    private final RequestQueries requests;
    private final StatementPdf pdf;

    PortalContractController(
            Ledgers ledgers, StaffDirectory staff, Deferrals deferrals, RequestQueries requests, StatementPdf pdf) {
        this.pdf = pdf;
        this.ledgers = ledgers;
        this.staff = staff;
        this.deferrals = deferrals;
        this.requests = requests;
    }

    @GetMapping("/portal/contract")
    String contract(@AuthenticationPrincipal TideskUser me, Model model) {
        ClientLedger ledger = ledgers.ledgerOf(me.organizationId());
        model.addAttribute("ledger", ledger);
        List<DeferralView> proposals = deferrals.proposalsOf(me.organizationId());
        java.util.Map<Long, String> tids = new java.util.HashMap<>();
        proposals.forEach(
                d -> tids.put(d.ticketId(), requests.ticket(d.ticketId()).tid()));
        model.addAttribute("proposals", proposals);
        model.addAttribute("tids", tids);
        if (ledger.contract() != null) {
            List<LedgerMonth> months = ledger.months();
            List<LedgerMonth> last12 = months.subList(Math.max(0, months.size() - 12), months.size());
            model.addAttribute("current", ledger.last());
            model.addAttribute("last12", last12);
            model.addAttribute(
                    "chartMonths",
                    last12.stream().map(m -> m.month().toString()).toList());
            model.addAttribute(
                    "chartUsed",
                    last12.stream().map(m -> m.usedMinutes() / 60.0).toList());
            model.addAttribute(
                    "chartIncluded",
                    last12.stream().map(m -> m.includedMinutes() / 60.0).toList());
            List<LedgerMonth> newestFirst = new java.util.ArrayList<>(months);
            java.util.Collections.reverse(newestFirst);
            model.addAttribute("monthsNewestFirst", newestFirst);
            Long managerId = ledger.contract().current() != null
                            && ledger.contract().current().personalManager()
                    ? ledger.contract().personalManagerId()
                    : null;
            model.addAttribute("manager", managerId == null ? null : staff.member(managerId));
        }
        return "portal/contract/contract";
    }

    @GetMapping("/portal/contract/statements/{month}")
    String statement(@AuthenticationPrincipal TideskUser me, @PathVariable String month, Model model) {
        model.addAttribute("statement", ledgers.statement(me.organizationId(), parse(month)));
        model.addAttribute("area", "portal");
        model.addAttribute("acts", true);
        return "portal/contract/statement";
    }

    /** The same statement as a PDF file, for the client's director. */
    @GetMapping("/portal/contract/statements/{month}/pdf")
    ResponseEntity<byte[]> statementPdf(@AuthenticationPrincipal TideskUser me, @PathVariable String month) {
        YearMonth m = parse(month);
        byte[] body = pdf.render(ledgers.statement(me.organizationId(), m), LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("statement-" + m + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("No month " + month);
        }
    }
}
