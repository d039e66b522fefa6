package dev.tidesk.report;

import java.time.Instant;

/** A report's table as computed at {@code at}: the page says as of when. */
public record ReportSnapshot(ReportTable table, Instant at) {}
