package dev.tidesk.system;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A page of ours as an A4 PDF: the Thymeleaf template is rendered to HTML with the given variables
 * (the template sees {@code pdf = true} and leaves out its links and buttons), then laid out by
 * openhtmltopdf on PDFBox. The font is Liberation Sans, regular and bold, shipped under
 * {@code static/fonts} (SIL Open Font License, see the licence file beside it) and embedded as a
 * subset, so Cyrillic and bold text look the same in every reader. The family's name in the
 * template's CSS is {@value #FAMILY}.
 */
@Component
public class PdfDocuments {

    public static final String FAMILY = "Liberation Sans";
    static final String REGULAR = "/static/fonts/LiberationSans-Regular.ttf";
    static final String BOLD = "/static/fonts/LiberationSans-Bold.ttf";

    private final ITemplateEngine templates;

    PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
        // openhtmltopdf tells every font load and stylesheet parse at INFO: only warnings are news
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        Context context = new Context(locale, variables);
        context.setVariable("pdf", true);
        String html = templates.process(template, context);
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
            builder.withW3cDocument(document, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF as a download: {@code attachment}, never sniffed as something else. */
    public static ResponseEntity<byte[]> attachment(byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    private static InputStream font(String path) {
        InputStream in = PdfDocuments.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Font missing: " + path);
        }
        return in;
    }
}
