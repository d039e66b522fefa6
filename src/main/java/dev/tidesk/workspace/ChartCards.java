package dev.tidesk.workspace;

import dev.tidesk.report.Column;
import dev.tidesk.report.Grain;
import dev.tidesk.report.ReportTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns report tables into chart cards: the series come from the table's own columns. */
@Component
class ChartCards {

    private final ReportLabels labels;
    private final JsonMapper json;

    ChartCards(ReportLabels labels, JsonMapper json) {
        this.labels = labels;
        this.json = json;
    }

    /**
     * @param type          bar, stack (stacked bars), line or pie
     * @param seriesColumns indexes of the numeric columns drawn as series; the first column gives the categories
     */
    ChartCard card(ReportTable table, Grain grain, String type, int... seriesColumns) {
        List<String> headers = table.columns().stream().map(labels::header).toList();
        List<Boolean> numeric = table.columns().stream().map(Column::numeric).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(labels.text(table.columns().get(i), row.get(i), grain));
            }
            rows.add(cells);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put(
                "categories",
                table.rows().stream()
                        .map(r -> labels.text(table.columns().get(0), r.get(0), grain))
                        .toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int c : seriesColumns) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", headers.get(c));
            s.put(
                    "data",
                    table.rows().stream()
                            .map(r -> r.get(c) == null ? null : ((Number) r.get(c)).doubleValue())
                            .toList());
            series.add(s);
        }
        chart.put("series", series);
        return card(table, headers, numeric, rows, chart, series);
    }

    /**
     * A chart of a table with one row per period and person (column 0 the period, column 1 the person):
     * each period once on the axis, one series per person, named, with the figures of {@code valueColumn}.
     */
    ChartCard byPerson(ReportTable table, Grain grain, String type, int valueColumn) {
        List<String> headers = table.columns().stream().map(labels::header).toList();
        List<Boolean> numeric = table.columns().stream().map(Column::numeric).toList();
        List<List<String>> rows = new ArrayList<>();
        Map<Object, Integer> periods = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> people = new java.util.TreeMap<>();
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(labels.text(table.columns().get(i), row.get(i), grain));
            }
            rows.add(cells);
            int period = periods.computeIfAbsent(row.get(0), p -> periods.size());
            Object value = row.get(valueColumn);
            people.computeIfAbsent(String.valueOf(row.get(1)), p -> new LinkedHashMap<>())
                    .merge(period, value == null ? 0.0 : ((Number) value).doubleValue(), Double::sum);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put(
                "categories",
                periods.keySet().stream()
                        .map(p -> labels.text(table.columns().get(0), p, grain))
                        .toList());
        chart.put("valueName", headers.get(valueColumn));
        List<Map<String, Object>> series = new ArrayList<>();
        people.forEach((person, values) -> {
            if (values.values().stream().allMatch(v -> v == 0)) {
                return; // nothing of this measure: no series (the table still lists the person)
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", person);
            List<Double> data = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                data.add(values.getOrDefault(i, 0.0));
            }
            s.put("data", data);
            series.add(s);
        });
        chart.put("series", series);
        return card(table, headers, numeric, rows, chart, series);
    }

    /** A card whose series have no figure but zero is empty: it says "no data" instead of drawing bare axes. */
    private ChartCard card(
            ReportTable table,
            List<String> headers,
            List<Boolean> numeric,
            List<List<String>> rows,
            Map<String, Object> chart,
            List<Map<String, Object>> series) {
        boolean empty = series.stream()
                .flatMap(s -> ((List<?>) s.get("data")).stream())
                .noneMatch(v -> v instanceof Number n && n.doubleValue() != 0);
        return new ChartCard(
                "chart-" + table.key(),
                labels.message("report." + table.key()),
                headers,
                numeric,
                rows,
                json.writeValueAsString(chart),
                empty);
    }
}
