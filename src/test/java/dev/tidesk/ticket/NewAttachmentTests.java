package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** A form's file goes to storage as a stream of its size: the multipart part is never read whole. */
class NewAttachmentTests {

    /** A part that refuses to be read into memory, as a 20 MB upload should never be. */
    static final class StreamOnly extends MockMultipartFile {
        StreamOnly(String name, String type, byte[] content) {
            super("files", name, type, content);
        }

        @Override
        public byte[] getBytes() {
            throw new AssertionError("the upload was read whole");
        }
    }

    @Test
    void aFormsFilesAreSourcesOfTheirSizeAndEmptySlotsAreSkipped() throws Exception {
        byte[] content = "отчёт".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<NewAttachment> files = NewAttachment.of(java.util.Arrays.asList(
                new StreamOnly("otchet.pdf", "application/pdf", content),
                new StreamOnly("", "application/octet-stream", new byte[0]),
                null));

        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("otchet.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(file.size()).isEqualTo(content.length);
            try (InputStream in = file.content().getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        });
    }

    @Test
    void bytesInMemoryAreASourceToo() throws Exception {
        NewAttachment file = new NewAttachment("a.txt", "text/plain", new byte[] {1, 2});
        assertThat(file.size()).isEqualTo(2);
        assertThat(file.content().getInputStream().readAllBytes()).containsExactly(1, 2);
        assertThat(new NewAttachment("b.txt", "text/plain", (byte[]) null).size())
                .isZero();
    }
}
