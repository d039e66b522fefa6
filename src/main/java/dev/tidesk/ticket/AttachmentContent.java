package dev.tidesk.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.Resource;

/**
 * An attachment with what a download needs; {@code content} opens the stored bytes only when read,
 * so a download streams them from storage to the response.
 */
public record AttachmentContent(
        long id, long ticketId, Long organizationId, String filename, String contentType, long size, Resource content) {

    /** The whole content in memory, for what needs all of it (a file attached to a mail). */
    public byte[] bytes() {
        try (InputStream in = content.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
