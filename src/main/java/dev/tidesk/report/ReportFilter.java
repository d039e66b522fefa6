package dev.tidesk.report;

import java.time.LocalDate;

/**
 * What a report covers.
 *
 * @param from           first day (inclusive), in the installation's time zone
 * @param to             last day (inclusive)
 * @param organizationId one client, or null for all
 * @param staffId        one person (the assignee, or the author of replies), or null for all
 */
public record ReportFilter(LocalDate from, LocalDate to, Grain grain, Long organizationId, Long staffId) {

    public ReportFilter {
        grain = grain == null ? Grain.MONTH : grain;
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A report needs a period with from <= to");
        }
    }
}
