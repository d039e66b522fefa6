package dev.tidesk.ticket;

public record AttachmentView(long id, long ticketId, Long messageId, String filename, String contentType,
        long sizeBytes) {
}
