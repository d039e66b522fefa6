package dev.tidesk.mail.inbound;

import dev.tidesk.mail.outbound.MailTemplates;
import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.TicketSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a request gets from a mail: the text without the quoted history and our marker, then the
 * text of every message forwarded as an attachment (kept whole: it is what the sender wants read),
 * and the files that fit. What Tidesk writes into it is in the installation's language.
 */
@Component
class InboundBody {

    /** The text and files for the request. */
    record Body(String text, List<NewAttachment> files) {}

    /** The longest text a mail gives a request, below the conversation's own limit. */
    static final int MAX_BODY = 99_000;

    private final TicketSettings ticketSettings;
    private final MailTemplates templates;
    private final Installation installation;

    InboundBody(TicketSettings ticketSettings, MailTemplates templates, Installation installation) {
        this.ticketSettings = ticketSettings;
        this.templates = templates;
        this.installation = installation;
    }

    /**
     * The text without the quoted history and our marker, then the text of every message forwarded
     * as an attachment (kept whole: it is what the sender wants read), and the files that fit.
     */
    Body of(ParsedMail parsed) {
        String text = QuotedHistory.strip(parsed.text());
        text = text.replaceAll("\\[?ref:tidesk-\\d+-[0-9a-f]{10}]?", "").strip();
        StringBuilder forwarded = new StringBuilder();
        for (ParsedMail.Forwarded f : parsed.forwarded()) {
            forwarded.append("\n\n").append(forwarded(f));
        }
        if (!forwarded.isEmpty()) {
            text = (text + forwarded).strip();
        }
        List<NewAttachment> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ParsedMail.Part part : parsed.attachments()) {
            if (part.content().length == 0) {
                continue;
            }
            if (part.content().length > ticketSettings.maxAttachmentBytes()) {
                skipped.add(part.filename());
                continue;
            }
            files.add(new NewAttachment(part.filename(), part.contentType(), part.content()));
        }
        StringBuilder b = new StringBuilder(text.isBlank() ? "—" : text);
        if (!skipped.isEmpty()) {
            b.append("\n\n").append(written("mail.written.filesTooLarge", String.join(", ", skipped)));
        }
        String out = b.toString();
        if (out.length() > MAX_BODY) {
            out = out.substring(0, MAX_BODY) + "\n[…]";
        }
        return new Body(out, files);
    }

    private String forwarded(ParsedMail.Forwarded f) {
        StringBuilder b = new StringBuilder(written("mail.written.forwarded")).append('\n');
        String from = f.fromName() == null || f.fromName().isBlank()
                ? f.fromAddress()
                : f.fromAddress() == null ? f.fromName() : f.fromName() + " <" + f.fromAddress() + ">";
        if (from != null) {
            b.append(written("mail.written.forwarded.from", from)).append('\n');
        }
        if (f.sentAt() != null) {
            b.append(written("mail.written.forwarded.date", installation.dateTime(f.sentAt())))
                    .append('\n');
        }
        if (!f.subject().isBlank()) {
            b.append(written("mail.written.forwarded.subject", f.subject())).append('\n');
        }
        return b.append('\n')
                .append(f.text() == null ? "" : f.text().strip())
                .toString()
                .strip();
    }

    private String written(String key, Object... args) {
        return templates.message(key, installation.locale(), args);
    }
}
