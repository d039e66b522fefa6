package dev.tidesk.workspace;

import dev.tidesk.contract.ledger.Act;
import dev.tidesk.contract.ledger.Acts;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.system.PdfDocuments;
import dev.tidesk.worklog.HoursFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The monthly акт of a client's closed month for support, heads and admins (not specialists, who
 * never deal with the client): the printable page and the PDF, from the client's contract page.
 */
@Controller
class ActController {

    private final Acts acts;
    private final PdfDocuments documents;
    private final HoursFormat hours;

    ActController(Acts acts, PdfDocuments documents, HoursFormat hours) {
        this.acts = acts;
        this.documents = documents;
        this.hours = hours;
    }

    @GetMapping("/desk/clients/{organizationId}/statements/{month}/act")
    String act(@PathVariable long organizationId, @PathVariable String month, Model model) {
        YearMonth m = parse(month);
        model.addAttribute("act", acts.act(organizationId, m));
        model.addAttribute("base", "/desk/clients/" + organizationId + "/statements/" + m);
        model.addAttribute("pdf", false);
        return "portal/contract/act";
    }

    @GetMapping("/desk/clients/{organizationId}/statements/{month}/act/pdf")
    ResponseEntity<byte[]> actPdf(@PathVariable long organizationId, @PathVariable String month) {
        Act act = acts.act(organizationId, parse(month));
        byte[] pdf = documents.render(
                "portal/contract/act", Map.of("act", act, "hours", hours), LocaleContextHolder.getLocale());
        return PdfDocuments.attachment(
                pdf, "akt-" + act.number() + "-" + act.statement().month() + ".pdf");
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("No month " + month);
        }
    }
}
