package dev.tidesk.portal;

import dev.tidesk.contract.ledger.Act;
import dev.tidesk.contract.ledger.Acts;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.system.PdfDocuments;
import dev.tidesk.worklog.HoursFormat;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The monthly акт of a closed month for the client's director and accountant: a printable page and
 * the same as a PDF, in the reader's language ({@code ?lang=en} switches it). Always the signed-in
 * contact's own organization; a month still open is refused with the reason.
 */
@Controller
class PortalActController {

    private final Acts acts;
    private final PdfDocuments documents;
    private final HoursFormat hours;

    PortalActController(Acts acts, PdfDocuments documents, HoursFormat hours) {
        this.acts = acts;
        this.documents = documents;
        this.hours = hours;
    }

    @GetMapping("/portal/contract/statements/{month}/act")
    String act(@AuthenticationPrincipal TideskUser me, @PathVariable String month, Model model) {
        YearMonth m = PortalContractController.parse(month);
        model.addAttribute("act", acts.act(me.organizationId(), m));
        model.addAttribute("base", "/portal/contract/statements/" + m);
        model.addAttribute("pdf", false);
        return "portal/contract/act";
    }

    @GetMapping("/portal/contract/statements/{month}/act/pdf")
    ResponseEntity<byte[]> actPdf(@AuthenticationPrincipal TideskUser me, @PathVariable String month) {
        Act act = acts.act(me.organizationId(), PortalContractController.parse(month));
        byte[] pdf = documents.render(
                "portal/contract/act", Map.of("act", act, "hours", hours), LocaleContextHolder.getLocale());
        return PdfDocuments.attachment(pdf, fileName(act));
    }

    /** {@code akt-7-2026-10.pdf}: the number and the month, in ASCII for every mail client. */
    static String fileName(Act act) {
        return "akt-" + act.number() + "-" + act.statement().month() + ".pdf";
    }
}
