package dev.tidesk.ticket;

/** An attachment's bytes with what a download needs. */
public record AttachmentContent(
        long id, long ticketId, Long organizationId, String filename, String contentType, byte[] content) {}
