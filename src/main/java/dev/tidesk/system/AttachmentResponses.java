package dev.tidesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves a stored file as a download, never rendered in the page: {@code Content-Disposition:
 * attachment}, {@code nosniff}, and a content type from a short list of harmless ones.
 */
public final class AttachmentResponses {

    private static final Set<String> SAFE_TYPES = Set.of(
            "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "application/zip");

    private AttachmentResponses() {}

    public static ResponseEntity<byte[]> download(String filename, String contentType, byte[] content) {
        return headers(filename, contentType).body(content);
    }

    /**
     * The same for a stored content of known length, written from its stream to the response in
     * pieces, never held whole.
     */
    public static ResponseEntity<Resource> download(String filename, String contentType, Resource content) {
        try {
            return headers(filename, contentType)
                    .contentLength(content.contentLength())
                    .body(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity.BodyBuilder headers(String filename, String contentType) {
        String type = SAFE_TYPES.contains(contentType) ? contentType : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .contentType(MediaType.parseMediaType(type));
    }
}
