package dev.tidesk.portal;

import dev.tidesk.contract.ledger.Statement;
import dev.tidesk.contract.ledger.StatementLine;
import dev.tidesk.worklog.NormHours;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly statement as an A4 PDF: the same figures and lines as the printable page. The font
 * is Liberation Sans from the PDFBox jar, embedded as a subset, so Cyrillic renders everywhere.
 */
@Component
class StatementPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float[] COLUMNS = {0, 80, 290, 440
    }; // TID, subject, status, hours and test copy sync (right edges)
    private static final float SYNC_COLUMN = 80;
    private static final float BODY = 10;
    private static final float LEADING = 14;

    private final MessageSource messages;

    StatementPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(Statement statement, Locale locale) {
        try (PDDocument doc = new PDDocument();
                InputStream fontData = StatementPdf.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException("Font missing: " + FONT);
            }
            PDType0Font font = PDType0Font.load(doc, fontData, true);
            String month = statement.month().atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(msg("contract.statement.for", locale, month) + " — " + statement.organizationName());
            info.setCreator("Tidesk");

            Writer w = new Writer(doc, font);
            w.text(msg("contract.statement.for", locale, month), 16, 0);
            w.y -= 8;
            w.text(statement.organizationName(), 12, 0);
            w.text(
                    msg("contract.number", locale) + " " + statement.contract().number() + " · "
                            + msg("contract.plan." + statement.ledger().planCode(), locale),
                    BODY,
                    0);
            w.y -= 10;

            float width = w.width();
            w.row(
                    font,
                    new String[] {
                        msg("contract.statement.request", locale),
                        msg("field.subject", locale),
                        msg("field.status", locale),
                        msg("contract.statement.hours", locale),
                        msg("contract.statement.sync", locale)
                    },
                    width,
                    true);
            w.rule(width);
            if (statement.lines().isEmpty()) {
                w.text(msg("contract.statement.empty", locale), BODY, 0);
            }
            for (StatementLine line : statement.lines()) {
                w.row(
                        font,
                        new String[] {
                            line.tid(),
                            line.subject(),
                            msg("status." + line.status(), locale),
                            NormHours.format(line.minutes(), locale),
                            line.syncMinutes() == 0 ? "—" : NormHours.format(line.syncMinutes(), locale)
                        },
                        width,
                        false);
            }
            w.rule(width);
            w.row(
                    font,
                    new String[] {
                        msg("contract.statement.total", locale),
                        "",
                        "",
                        NormHours.format(statement.totalMinutes(), locale),
                        NormHours.format(statement.syncMinutes(), locale)
                    },
                    width,
                    true);
            w.y -= 14;

            var m = statement.ledger();
            String[][] sums = {
                {msg("contract.col.included", locale), NormHours.format(m.includedMinutes(), locale)},
                {msg("contract.used", locale), NormHours.format(m.usedMinutes(), locale)},
                {msg("contract.statement.syncHours", locale), NormHours.format(statement.syncMinutes(), locale)},
                {msg("contract.statement.otherHours", locale), NormHours.format(statement.otherMinutes(), locale)},
                {msg("contract.balance", locale), NormHours.format(m.balanceMinutes(), locale)},
                {msg("contract.col.running", locale), NormHours.format(m.runningMinutes(), locale)},
                {
                    msg("contract.utilisation", locale),
                    m.utilisationPercent() == null ? "—" : m.utilisationPercent() + "%"
                }
            };
            for (String[] s : sums) {
                w.row(font, new String[] {s[0], "", "", s[1], ""}, width, false);
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Writes lines top-down, starting a new page when one is full. */
    private static final class Writer {

        final PDDocument doc;
        final PDType0Font font;
        PDPageContentStream out;
        float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void text(String s, float size, float x) throws IOException {
            ensure(size + 6);
            y -= size + 4;
            show(s, size, MARGIN + x);
        }

        void show(String s, float size, float x) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(printable(s));
            out.endText();
        }

        /** One table row; the subject wraps within its column, the hours align right. */
        void row(PDType0Font f, String[] cells, float width, boolean strong) throws IOException {
            float subjectWidth = COLUMNS[2] - COLUMNS[1] - 10;
            List<String> subject = wrap(f, cells[1], BODY, subjectWidth);
            float height = Math.max(1, subject.size()) * LEADING + 2;
            ensure(height);
            y -= LEADING;
            float size = strong ? BODY + 0.5f : BODY;
            show(cells[0], size, MARGIN + COLUMNS[0]);
            for (int i = 0; i < subject.size(); i++) {
                show(subject.get(i), size, MARGIN + COLUMNS[1]);
                if (i < subject.size() - 1) {
                    y -= LEADING;
                }
            }
            float firstLine = y + (subject.size() > 1 ? (subject.size() - 1) * LEADING : 0);
            float keep = y;
            y = firstLine;
            show(cells[2], size, MARGIN + COLUMNS[2]);
            float hoursWidth = f.getStringWidth(printable(cells[3])) / 1000 * size;
            show(cells[3], size, MARGIN + width - SYNC_COLUMN - hoursWidth);
            float syncWidth = f.getStringWidth(printable(cells[4])) / 1000 * size;
            show(cells[4], size, MARGIN + width - syncWidth);
            y = keep - 2;
        }

        void rule(float width) throws IOException {
            ensure(6);
            y -= 4;
            out.setLineWidth(0.5f);
            out.moveTo(MARGIN, y);
            out.lineTo(MARGIN + width, y);
            out.stroke();
        }

        void close() throws IOException {
            out.close();
        }

        List<String> wrap(PDType0Font f, String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            if (text == null || text.isBlank()) {
                lines.add("");
                return lines;
            }
            StringBuilder line = new StringBuilder();
            for (String word : printable(text).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (f.getStringWidth(candidate) / 1000 * size <= max || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** Drops control characters and anything the font cannot draw, so one odd subject cannot break the file. */
        String printable(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                    return;
                }
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    b.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }
}
