package dev.tidesk.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** What every report's SQL shares: the filter's parameters, and reading rows into plain values. */
final class ReportSql {

    private ReportSql() {}

    /** The table with only its first {@code n} rows. */
    static ReportTable first(ReportTable table, int n) {
        return table.rows().size() <= n
                ? table
                : new ReportTable(table.key(), table.columns(), table.rows().subList(0, n));
    }

    static Double hours(int minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    static MapSqlParameterSource params(ReportFilter f, ZoneId zone) {
        return new MapSqlParameterSource("from", ts(f.from().atStartOfDay(zone).toInstant()))
                .addValue("to", ts(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .addValue("tz", zone.getId())
                .addValue("grain", f.grain().sql())
                .addValue("org", f.organizationId(), java.sql.Types.BIGINT)
                .addValue("staff", f.staffId(), java.sql.Types.BIGINT)
                .addValue("plan", f.planCode(), java.sql.Types.VARCHAR)
                .addValue("fromDay", f.from())
                .addValue("toDay", f.to());
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static Long countOf(List<List<Object>> rows, Object key) {
        return rows.stream()
                .filter(r -> key.equals(r.get(0)))
                .map(r -> (Long) r.get(1))
                .findFirst()
                .orElse(0L);
    }

    /** Reads a row: dates as LocalDate, integers as Long, decimals as Double, text as String. */
    static List<Object> row(ResultSet rs, int columns) throws SQLException {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            Object v = rs.getObject(i);
            if (v instanceof java.sql.Date d) {
                v = d.toLocalDate();
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                v = ((Number) v).longValue();
            } else if (v instanceof java.math.BigDecimal || v instanceof Float || v instanceof Double) {
                v = ((Number) v).doubleValue();
            }
            row.add(v);
        }
        return row;
    }
}
