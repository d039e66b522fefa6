package dev.tidesk.report;

import java.time.Instant;

/**
 * The head's picture of the desk as of {@code at}.
 *
 * @param backlog       open requests by status and age
 * @param weekly        new and resolved requests per week, the last 12 weeks
 * @param agents        per person, the last 4 weeks: requests resolved as assignee and public replies
 * @param firstResponse requests of the last 4 weeks by time to the first reply
 * @param channels      requests of the last 12 weeks by channel
 */
public record Dashboard(Instant at, ReportTable backlog, ReportTable weekly, ReportTable agents,
        ReportTable firstResponse, ReportTable channels) {
}
