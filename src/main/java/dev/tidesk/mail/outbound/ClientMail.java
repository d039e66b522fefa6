package dev.tidesk.mail.outbound;

import dev.tidesk.ticket.TicketView;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One mail about a request to its client, described once by its caller and handed to {@link
 * ClientMailer}, which knows who receives it.
 *
 * @param eventKey the outbox key: each recipient gets the mail once under it, however often it is sent
 * @param template the mail template (HTML and text) under {@code templates/mail/}
 * @param link the address of the mail's button
 * @param subjectKey the bundle key of the subject, filled with {@code subjectArgs}
 * @param autoSubmitted {@code auto-replied} for an answer to the client's own mail (the acknowledgement),
 *     {@code auto-generated} for the rest (RFC 3834)
 * @param vars fills the template's own variables, knowing the recipient's locale
 * @param singleUseLinks the template variables whose links act for the requester (rate the request, answer
 *     a deferral or a test copy): only the requester's mail carries them
 * @param attachmentIds the files attached (a staff reply's)
 */
record ClientMail(
        TicketView ticket,
        String eventKey,
        String template,
        String link,
        String subjectKey,
        List<Object> subjectArgs,
        String autoSubmitted,
        BiConsumer<Locale, Map<String, Object>> vars,
        Map<String, String> singleUseLinks,
        List<Long> attachmentIds) {

    /** A notification ({@code auto-generated}) without variables of its own, links or files. */
    static ClientMail about(
            TicketView ticket,
            String eventKey,
            String template,
            String link,
            String subjectKey,
            Object... subjectArgs) {
        return new ClientMail(
                ticket,
                eventKey,
                template,
                link,
                subjectKey,
                Collections.unmodifiableList(Arrays.asList(subjectArgs)),
                "auto-generated",
                (locale, vars) -> {},
                Map.of(),
                List.of());
    }

    /** An answer to the client's own mail. */
    ClientMail autoReplied() {
        return new ClientMail(
                ticket,
                eventKey,
                template,
                link,
                subjectKey,
                subjectArgs,
                "auto-replied",
                vars,
                singleUseLinks,
                attachmentIds);
    }

    ClientMail withVars(BiConsumer<Locale, Map<String, Object>> vars) {
        return new ClientMail(
                ticket,
                eventKey,
                template,
                link,
                subjectKey,
                subjectArgs,
                autoSubmitted,
                vars,
                singleUseLinks,
                attachmentIds);
    }

    ClientMail withSingleUseLinks(Map<String, String> singleUseLinks) {
        return new ClientMail(
                ticket,
                eventKey,
                template,
                link,
                subjectKey,
                subjectArgs,
                autoSubmitted,
                vars,
                Map.copyOf(singleUseLinks),
                attachmentIds);
    }

    ClientMail withAttachments(List<Long> attachmentIds) {
        return new ClientMail(
                ticket,
                eventKey,
                template,
                link,
                subjectKey,
                subjectArgs,
                autoSubmitted,
                vars,
                singleUseLinks,
                List.copyOf(attachmentIds));
    }

    /** Whether the mail carries a link that acts for the requester. */
    boolean actsForTheRequester() {
        return !singleUseLinks.isEmpty();
    }
}
