package dev.tidesk.workspace;

import dev.tidesk.audit.AuditAction;
import dev.tidesk.audit.AuditLog;
import dev.tidesk.mail.ImportResult;
import dev.tidesk.mail.InboundFile;
import dev.tidesk.mail.InboundStatus;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.mail.MailboxPoller;
import dev.tidesk.mail.MailboxSettings;
import dev.tidesk.mail.MailboxView;
import dev.tidesk.mail.Mailboxes;
import dev.tidesk.system.AttachmentResponses;
import dev.tidesk.ticket.RequestQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins watch incoming mail: the list and quarantine, one message, the mailboxes, the .eml import. */
@Controller
class MailAdminController {

    private final MailIntake intake;
    private final Mailboxes mailboxes;
    private final MailboxPoller poller;
    private final MessageSource messages;
    private final RequestQueries requests;
    private final AuditLog audit;
    private final TaskExecutor background;
    /** Mailboxes being checked now on an admin's request, so a second click starts nothing. */
    private final Set<Long> checking = ConcurrentHashMap.newKeySet();

    MailAdminController(
            MailIntake intake,
            Mailboxes mailboxes,
            MailboxPoller poller,
            MessageSource messages,
            RequestQueries requests,
            AuditLog audit,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor")
                    TaskExecutor background) {
        this.requests = requests;
        this.audit = audit;
        this.background = background;
        this.intake = intake;
        this.mailboxes = mailboxes;
        this.poller = poller;
        this.messages = messages;
    }

    @GetMapping("/desk/admin/mail")
    String list(@RequestParam(required = false) InboundStatus status, Model model) {
        model.addAttribute("mails", intake.recent(status, 200));
        model.addAttribute("counts", intake.counts());
        model.addAttribute("status", status);
        model.addAttribute("tab", status == InboundStatus.QUARANTINED ? "quarantine" : "inbound");
        return "workspace/admin/mail-inbound";
    }

    @GetMapping("/desk/admin/mail/bouncing")
    String bouncing(Model model) {
        model.addAttribute("addresses", intake.bouncingAddresses(500));
        model.addAttribute("tab", "bouncing");
        return "workspace/admin/mail-bouncing";
    }

    @PostMapping("/desk/admin/mail/bouncing/clear")
    String clearBouncing(@RequestParam String address, RedirectAttributes redirect) {
        intake.clearBouncing(address);
        redirect.addFlashAttribute("flash", message("mail.admin.bouncingCleared", address));
        return "redirect:/desk/admin/mail/bouncing";
    }

    @GetMapping("/desk/admin/mail/inbound/{id}")
    String mail(@PathVariable long id, @RequestParam(defaultValue = "false") boolean images, Model model) {
        model.addAttribute("d", intake.display(id, images));
        model.addAttribute("images", images);
        return "workspace/admin/mail-message";
    }

    @GetMapping("/desk/admin/mail/inbound/{id}/request")
    String request(@PathVariable long id) {
        Long ticketId = intake.inbound(id).ticketId();
        if (ticketId == null) {
            return "redirect:/desk/admin/mail/inbound/" + id;
        }
        return "redirect:/desk/requests/" + requests.ticket(ticketId).tid();
    }

    @GetMapping("/desk/admin/mail/inbound/{id}/raw")
    ResponseEntity<org.springframework.core.io.Resource> raw(@PathVariable long id) {
        return AttachmentResponses.download("message-" + id + ".eml", "message/rfc822", intake.rawContent(id));
    }

    @GetMapping("/desk/admin/mail/inbound/{id}/files/{index}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable int index) {
        InboundFile file = intake.file(id, index);
        return AttachmentResponses.download(file.filename(), file.contentType(), file.content());
    }

    @PostMapping("/desk/admin/mail/inbound/{id}/reprocess")
    String reprocess(@PathVariable long id, RedirectAttributes redirect) {
        intake.reprocess(id);
        redirect.addFlashAttribute("flash", message("mail.admin.reprocessed"));
        return "redirect:/desk/admin/mail/inbound/" + id;
    }

    @PostMapping("/desk/admin/mail/inbound/{id}/create-request")
    String createRequest(@PathVariable long id, RedirectAttributes redirect) {
        intake.createRequest(id);
        redirect.addFlashAttribute("flash", message("mail.admin.requestCreated"));
        return "redirect:/desk/admin/mail/inbound/" + id;
    }

    record MailboxForm(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String host,
            @Min(0) @Max(65535) int port,
            boolean tls,
            @NotBlank @Size(max = 200) String username,
            @Size(max = 500) String password,
            @Size(max = 200) String folder,
            @Size(max = 200) String processedFolder,
            @Min(10) @Max(86400) int pollSeconds,
            boolean enabled) {

        static MailboxForm empty() {
            return new MailboxForm("", "", 993, true, "", "", "INBOX", "", 60, true);
        }

        MailboxSettings settings() {
            return new MailboxSettings(
                    name, host, port, tls, username, password, folder, processedFolder, pollSeconds, enabled);
        }
    }

    @GetMapping("/desk/admin/mail/mailboxes")
    String mailboxes(Model model) {
        model.addAttribute("boxes", mailboxes.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MailboxForm.empty());
        }
        return "workspace/admin/mail-mailboxes";
    }

    @PostMapping("/desk/admin/mail/mailboxes")
    String addMailbox(
            @Valid @ModelAttribute("form") MailboxForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("boxes", mailboxes.all());
            return "workspace/admin/mail-mailboxes";
        }
        MailboxView added = mailboxes.addFromForm(form.settings());
        audit.record(
                AuditAction.MAILBOX_ADDED,
                added.name(),
                added.username() + "@" + added.host() + ":" + added.port() + (added.tls() ? " TLS" : ""));
        redirect.addFlashAttribute("flash", message("mail.admin.mailboxAdded"));
        return "redirect:/desk/admin/mail/mailboxes";
    }

    /**
     * Checks a mailbox now, in the background: the page comes back at once and the mailbox's row shows
     * the result (the time of the poll, or what went wrong in words) once it is done.
     */
    @PostMapping("/desk/admin/mail/mailboxes/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes redirect) {
        MailboxView box = mailboxes.mailbox(id);
        audit.record(AuditAction.MAILBOX_TESTED, box.name(), null);
        if (!checking.add(id)) {
            redirect.addFlashAttribute("flash", message("mail.admin.pollRunning"));
            return "redirect:/desk/admin/mail/mailboxes";
        }
        try {
            background.execute(() -> {
                try {
                    poller.poll(id);
                } finally {
                    checking.remove(id);
                }
            });
        } catch (RuntimeException e) {
            checking.remove(id);
            throw e;
        }
        redirect.addFlashAttribute("flash", message("mail.admin.pollStarted"));
        return "redirect:/desk/admin/mail/mailboxes";
    }

    @PostMapping("/desk/admin/mail/mailboxes/{id}/delete")
    String deleteMailbox(@PathVariable long id, RedirectAttributes redirect) {
        MailboxView box = mailboxes.mailbox(id);
        mailboxes.remove(id);
        audit.record(AuditAction.MAILBOX_REMOVED, box.name(), box.username() + "@" + box.host() + ":" + box.port());
        redirect.addFlashAttribute("flash", message("mail.admin.mailboxRemoved"));
        return "redirect:/desk/admin/mail/mailboxes";
    }

    @GetMapping("/desk/admin/mail/import")
    String importPage() {
        return "workspace/admin/mail-import";
    }

    @PostMapping("/desk/admin/mail/import")
    String importFiles(
            @RequestParam("files") List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            RedirectAttributes redirect)
            throws IOException {
        int count = 0;
        int duplicates = 0;
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            ImportResult result = intake.importFile(file.getOriginalFilename(), file.getBytes(), acknowledge);
            count += result.messages().size();
            duplicates += result.duplicates();
        }
        audit.record(AuditAction.MAIL_IMPORTED, null, count + " messages, " + duplicates + " duplicates");
        redirect.addFlashAttribute("flash", message("mail.admin.imported", count, duplicates));
        return "redirect:/desk/admin/mail";
    }

    /** The import for scripts: the body is one .eml ({@code message/rfc822}) or a zip of them. */
    @PostMapping(
            path = "/desk/admin/mail/api/import",
            consumes = {"message/rfc822", "application/zip", "application/octet-stream"},
            produces = "application/json")
    @ResponseBody
    Map<String, Object> importApi(
            @RequestBody byte[] body,
            @RequestParam(defaultValue = "upload.eml") String filename,
            @RequestParam(defaultValue = "false") boolean acknowledge) {
        ImportResult result = intake.importFile(filename, body, acknowledge);
        audit.record(
                AuditAction.MAIL_IMPORTED,
                filename,
                result.messages().size() + " messages, " + result.duplicates() + " duplicates");
        return Map.of(
                "duplicates",
                result.duplicates(),
                "messages",
                result.messages().stream()
                        .map(m -> Map.of(
                                "id",
                                m.id(),
                                "status",
                                m.status().name(),
                                "outcome",
                                m.outcome() == null ? "" : m.outcome(),
                                "ticketId",
                                m.ticketId() == null ? 0 : m.ticketId()))
                        .toList());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
