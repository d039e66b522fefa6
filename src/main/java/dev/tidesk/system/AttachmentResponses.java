package dev.tidesk.system;

import java.nio.charset.StandardCharsets;
import java.util.Set;
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
                .contentType(MediaType.parseMediaType(type))
                .body(content);
    }
}
