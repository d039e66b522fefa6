package dev.tidesk.report;

import java.util.List;

/**
 * The numbers behind a chart or a report: every chart shows one of these, and every one can be
 * shown as a table and exported.
 *
 * @param key  its name ({@code report.<key>} is the title)
 * @param rows cells in column order: {@link java.time.LocalDate} for periods, {@link String} for
 *             text and codes, {@link Long} for counts, {@link Double} (or null) for minutes and percents
 */
public record ReportTable(String key, List<Column> columns, List<List<Object>> rows) {

    public Object cell(int row, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(column)) {
                return rows.get(row).get(i);
            }
        }
        throw new IllegalArgumentException("No column " + column + " in " + key);
    }

    /** The first row whose first cell equals {@code first}, or null. */
    public List<Object> row(Object first) {
        return rows.stream().filter(r -> first.equals(r.get(0))).findFirst().orElse(null);
    }
}
