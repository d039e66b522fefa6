package dev.tidesk.workspace;

import dev.tidesk.audit.AuditAction;
import dev.tidesk.audit.AuditFilter;
import dev.tidesk.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin reads the audit log, narrowed by period, action, person and text, and takes it away as CSV. */
@Controller
class AuditController {

    static final int PAGE_ROWS = 500;

    private final AuditLog audit;
    private final MessageSource messages;

    private final Clock clock;

    AuditController(AuditLog audit, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/desk/admin/audit")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String q,
            Model model) {
        AuditFilter filter = new AuditFilter(from, to, action, cut(actor), cut(q));
        model.addAttribute("filter", filter);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("entries", audit.find(filter, PAGE_ROWS));
        model.addAttribute("pageRows", PAGE_ROWS);
        return "workspace/admin/audit";
    }

    @GetMapping("/desk/admin/audit/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String q) {
        AuditFilter filter = new AuditFilter(from, to, action, cut(actor), cut(q));
        List<String> header = List.of(
                text("audit.at"),
                text("audit.actor"),
                text("audit.action"),
                text("audit.target"),
                text("audit.detail"),
                text("audit.address"));
        byte[] body = audit.csv(filter, header, a -> text("audit.action." + a.name()), r -> text("role." + r));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audit-" + LocalDate.now(clock) + ".csv")
                                .build()
                                .toString())
                .body(body);
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
