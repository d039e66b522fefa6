package dev.tidesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes a report table as CSV (UTF-8 with a byte order mark, so that Excel reads Cyrillic) or as
 * XLSX (numbers stay numbers). Headers and text cells come from the caller, in the reader's language.
 */
@Component
public class ReportExports {

    public ReportExports() {
        XmlFactories.pin();
    }

    public byte[] csv(ReportTable table, Function<Column, String> header, BiFunction<Column, Object, String> text) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        try (CSVPrinter csv = new CSVPrinter(
                new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord(table.columns().stream().map(header).toList());
            for (List<Object> row : table.rows()) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < row.size(); i++) {
                    Column c = table.columns().get(i);
                    Object v = row.get(i);
                    cells[i] = v == null ? "" : c.numeric() ? decimal(v, locale) : text.apply(c, v);
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] xlsx(
            ReportTable table,
            String sheetName,
            Function<Column, String> header,
            BiFunction<Column, Object, String> text) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(safeSheetName(sheetName));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.0"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < table.columns().size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(header.apply(table.columns().get(i)));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 0 ? 22 : 14) * 256);
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                Row line = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Column c = table.columns().get(i);
                    Object v = row.get(i);
                    if (v == null) {
                        continue;
                    }
                    var cell = line.createCell(i);
                    if (v instanceof Number n && c.numeric()) {
                        cell.setCellValue(n.doubleValue());
                        if (!(v instanceof Long)) {
                            cell.setCellStyle(decimal);
                        }
                    } else {
                        cell.setCellValue(text.apply(c, v));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safeSheetName(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return s.isEmpty() ? "Report" : s.length() > 31 ? s.substring(0, 31) : s;
    }

    /**
     * A number as the reader writes it, so a spreadsheet in that language reads it as a number:
     * {@code 25,5} in Russian, {@code 25.5} in English; no grouping, no trailing zeros.
     */
    static Object decimal(Object value, java.util.Locale locale) {
        if (!(value instanceof Number n)) {
            return value;
        }
        String plain =
                new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        char separator = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return separator == '.' ? plain : plain.replace('.', separator);
    }
}
