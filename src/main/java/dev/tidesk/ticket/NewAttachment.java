package dev.tidesk.ticket;

import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file uploaded with a message: its announced size and a source to read it from once, so that an
 * upload goes to storage as a stream (a form's file from the multipart part on disk), not as bytes.
 */
public record NewAttachment(String filename, String contentType, long size, InputStreamSource content) {

    /** A file already in memory (a part of a parsed mail, a test's bytes). */
    public NewAttachment(String filename, String contentType, byte[] bytes) {
        this(
                filename,
                contentType,
                bytes == null ? 0 : bytes.length,
                bytes == null ? null : new ByteArrayResource(bytes));
    }

    /** The files of a form, skipping the empty slot a file input left blank sends. */
    public static List<NewAttachment> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null && !f.isEmpty())
                .map(f -> new NewAttachment(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
                .toList();
    }
}
