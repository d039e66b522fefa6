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
 * @param normHours     per person, the last 4 weeks: norm-hours per week by kind of work
 * @param sla           per plan, the last 4 weeks: deadlines met and breached
 * @param satisfaction  per agent, the last 4 weeks: the clients' ratings ("Вопрос решён?"), good and bad
 * @param overPlan      clients whose hours this month passed the plan, or who overran it in the closed months, with
 *                      the recommended plan: the first 20, highest use first
 * @param deferred      requests deferred to next month, per client (the first 20): they come back to the queue on the 1st
 * @param clientsOverPlan  how many clients are over their plan, all of them
 * @param deferredRequests how many requests are deferred, all of them
 * @param monthsClosed  whether any month has been closed yet: before that, "over plan" means this month's hours only
 */
public record Dashboard(
        Instant at,
        ReportTable backlog,
        ReportTable weekly,
        ReportTable agents,
        ReportTable firstResponse,
        ReportTable channels,
        ReportTable normHours,
        ReportTable sla,
        ReportTable satisfaction,
        ReportTable overPlan,
        ReportTable deferred,
        long clientsOverPlan,
        long deferredRequests,
        boolean monthsClosed) {

    /** Of the ratings in {@link #satisfaction}: how many, and how many good. */
    public long[] ratings() {
        long rated = 0;
        long good = 0;
        for (var row : satisfaction.rows()) {
            rated += (Long) row.get(1);
            good += (Long) row.get(2);
        }
        return new long[] {rated, good};
    }
}
