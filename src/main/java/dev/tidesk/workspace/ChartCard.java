package dev.tidesk.workspace;

import java.util.List;

/**
 * A chart with its numbers: the chart's data as JSON for ECharts and the same figures as a table.
 *
 * @param chart JSON: {@code {type, categories, series: [{name, data}]}}
 * @param empty whether there is no figure to draw (none, or all zero): the card says so instead of drawing axes
 */
record ChartCard(
        String id,
        String title,
        List<String> headers,
        List<Boolean> numeric,
        List<List<String>> rows,
        String chart,
        boolean empty) {}
