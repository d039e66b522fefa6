package dev.tidesk.ticket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A file uploaded with a message. */
public record NewAttachment(String filename, String contentType, byte[] content) {

    /** The files of a form, skipping the empty slot a file input left blank sends. */
    public static List<NewAttachment> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> f != null && !f.isEmpty())
                .map(NewAttachment::read)
                .toList();
    }

    private static NewAttachment read(MultipartFile file) {
        try {
            return new NewAttachment(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
