package dev.tidesk.ticket;

import java.util.List;

/**
 * What it takes to open a request, whatever the channel.
 *
 * @param contactId the client contact the request is from (required)
 * @param siteId    the site it is about, optional; must belong to the contact's organization
 */
public record NewRequest(
        String subject,
        String body,
        long contactId,
        Long siteId,
        Channel channel,
        Urgency urgency,
        List<NewAttachment> attachments,
        Actor actor) {

    public NewRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
