package dev.tidesk.api;

import dev.tidesk.mail.ImportResult;
import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.shared.DomainException;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/mail/import}: one .eml file or a zip of them as the request body, for scripts
 * moving mail over from another helpdesk. Admin tokens only (see the API security chain). The
 * messages go through the same pipeline as polled mail: stored raw once, then processed.
 */
@RestController
class MailImportApi {

    /** A zip of many messages may be large; beyond this the body is refused before it is read whole. */
    static final int MAX_BODY = 200 * 1024 * 1024;

    private final MailIntake intake;
    private final RequestQueries queries;

    private final dev.tidesk.audit.AuditLog audit;

    MailImportApi(MailIntake intake, RequestQueries queries, dev.tidesk.audit.AuditLog audit) {
        this.audit = audit;
        this.intake = intake;
        this.queries = queries;
    }

    record ImportedMessage(
            long id, String status, String outcome, String fromAddress, String subject, String tid, String lastError) {}

    record ImportResponse(int messages, int duplicates, List<ImportedMessage> results) {}

    @PostMapping("/api/v1/mail/import")
    ResponseEntity<ImportResponse> importMail(
            @RequestParam(required = false) String filename,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            HttpServletRequest request)
            throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new TooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new TooLarge();
        }
        if (body.length == 0) {
            throw new DomainException("error.mail.import", "The body is empty: send an .eml file or a zip of them");
        }
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        String name =
                filename != null && !filename.isBlank() ? filename : type.contains("zip") ? "upload.zip" : "upload.eml";
        ImportResult result = intake.importFile(name, body, acknowledge);
        List<ImportedMessage> messages =
                result.messages().stream().map(this::message).toList();
        audit.record(
                dev.tidesk.audit.AuditAction.MAIL_IMPORTED,
                name,
                messages.size() + " messages, " + result.duplicates() + " duplicates (API)");
        return ResponseEntity.ok(new ImportResponse(messages.size(), result.duplicates(), messages));
    }

    private ImportedMessage message(InboundView v) {
        String tid = v.ticketId() == null
                ? null
                : queries.findTicket(v.ticketId()).map(TicketView::tid).orElse(null);
        return new ImportedMessage(
                v.id(), v.status().name(), v.outcome(), v.fromAddress(), v.subject(), tid, v.lastError());
    }

    /** Answered 413 by {@link ApiErrors}. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("The body is larger than " + MAX_BODY + " bytes");
        }
    }
}
