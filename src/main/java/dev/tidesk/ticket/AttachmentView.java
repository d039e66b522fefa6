package dev.tidesk.ticket;

import java.util.Set;

public record AttachmentView(
        long id, long ticketId, Long messageId, String filename, String contentType, long sizeBytes) {

    /** Picture formats every browser shows; SVG is left out, since it may carry script. */
    private static final Set<String> PICTURES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Whether the conversation shows this file as a picture as well as a download. */
    public boolean image() {
        return contentType != null && PICTURES.contains(contentType.toLowerCase(java.util.Locale.ROOT));
    }
}
