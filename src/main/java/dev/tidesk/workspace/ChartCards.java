package dev.tidesk.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidesk.report.Column;
import dev.tidesk.report.Grain;
import dev.tidesk.report.ReportTable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

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
        chart.put("categories", table.rows().stream().map(r -> labels.text(table.columns().get(0), r.get(0), grain))
                .toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int c : seriesColumns) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", headers.get(c));
            s.put("data", table.rows().stream().map(r -> r.get(c) == null ? null : ((Number) r.get(c)).doubleValue())
                    .toList());
            series.add(s);
        }
        chart.put("series", series);
        return new ChartCard("chart-" + table.key(), labels.message("report." + table.key()), headers, numeric, rows,
                json.writeValueAsString(chart));
    }
}
