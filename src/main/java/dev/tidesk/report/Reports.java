package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.first;

import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report module's API: the head's dashboard and each report by its name. Each report's SQL
 * lives in its own class ({@link VolumeReports}, {@link StaffActivityReports}, {@link NormHourReports},
 * {@link SlaReports}, {@link SatisfactionReports}, {@link UtilisationReports}, {@link BacklogReports}),
 * which says which tables of which module it reads. Statistics are computed by PostgreSQL: each
 * figure is one GROUP BY over an indexed time range, never a loop over entities. Weeks and months are
 * those of the installation's time zone. Pages read the reports through {@link ReportSnapshots}.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /** The open statuses as the ticket module defines them ({@link Status#isOpen()}), in their order. */
    static final List<String> OPEN_STATUSES = Arrays.stream(Status.values())
            .filter(Status::isOpen)
            .map(Status::name)
            .toList();

    static final List<String> CHANNELS = List.of("EMAIL", "PORTAL", "PHONE", "API");
    static final List<String> URGENCIES = List.of("CRITICAL", "HIGH", "NORMAL", "LOW");
    /** The dashboard's lists (clients over plan, deferred requests) show the first this many; the reports show all. */
    static final int DASHBOARD_LIST = 20;

    static final List<String> RESPONSE_BUCKETS = List.of("under15m", "under1h", "under4h", "under1d", "over1d", "none");

    private final VolumeReports volumes;
    private final StaffActivityReports activity;
    private final NormHourReports normHours;
    private final SlaReports sla;
    private final SatisfactionReports satisfaction;
    private final UtilisationReports utilisation;
    private final BacklogReports backlog;
    private final ZoneId zone;
    private final ReportCache<String, Dashboard> dashboards;
    private final Clock clock;

    Reports(
            VolumeReports volumes,
            StaffActivityReports activity,
            NormHourReports normHours,
            SlaReports sla,
            SatisfactionReports satisfaction,
            UtilisationReports utilisation,
            BacklogReports backlog,
            Installation installation,
            @Value("${tidesk.report.dashboard-max-age:PT1M}") Duration dashboardMaxAge,
            Clock clock) {
        this.volumes = volumes;
        this.activity = activity;
        this.normHours = normHours;
        this.sla = sla;
        this.satisfaction = satisfaction;
        this.utilisation = utilisation;
        this.backlog = backlog;
        this.zone = installation.timeZone();
        this.clock = clock;
        this.dashboards =
                new ReportCache<>(clock, dashboardMaxAge, 1, Dashboard::at, ReportCache.refresher("dashboard-refresh"));
    }

    /** Today in the installation's time zone. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return zone;
    }

    // ------------------------------------------------------------------ dashboard

    /**
     * The dashboard as of now, computed at most once per {@code tidesk.report.dashboard-max-age}
     * (one minute by default) however many heads look at it: its weekly figures do not change
     * from one second to the next, and computing them reads a few hundred thousand index entries.
     * The page shows the time it was computed. Past its age, up to twice its age, the last one is
     * shown while it is computed again in the background ({@link ReportCache}, as for the reports):
     * the one look a minute that found it old waited half a second on the 1 M data set.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Dashboard dashboard() {
        return dashboards.get("dashboard", () -> dashboard(Instant.now(clock)));
    }

    /** The dashboard as of {@code now}: only requests created before it count. */
    public Dashboard dashboard(Instant now) {
        LocalDate thisWeek = LocalDate.ofInstant(now, zone).with(java.time.DayOfWeek.MONDAY);
        Instant twelveWeeks = thisWeek.minusWeeks(11).atStartOfDay(zone).toInstant();
        Instant fourWeeks = now.minus(28, ChronoUnit.DAYS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        ReportFilter lastFourWeeks = new ReportFilter(today.minusDays(27), today, Grain.WEEK, null, null);
        ReportTable overPlan = utilisation.overPlan();
        ReportTable deferred = backlog.deferredToNextMonth(today);
        return new Dashboard(
                now,
                backlog.backlog(now),
                backlog.weekly(thisWeek, now),
                activity.agents(fourWeeks, now),
                backlog.firstResponse(fourWeeks, now),
                backlog.channels(twelveWeeks, now),
                normHours.normHoursPerWeek(lastFourWeeks),
                sla.slaByPlan(lastFourWeeks),
                satisfaction.satisfactionByAgent(lastFourWeeks),
                first(overPlan, DASHBOARD_LIST),
                first(deferred, DASHBOARD_LIST),
                overPlan.rows().size(),
                deferred.rows().stream().mapToLong(r -> (Long) r.get(1)).sum(),
                backlog.anyMonthClosed());
    }

    // ------------------------------------------------------------------ reports, each in its own class

    /** Requests created per period, by channel and urgency. */
    public ReportTable volume(ReportFilter f) {
        return volumes.volume(f);
    }

    /** Requests created in the period per client organization and site, the busiest first. */
    public ReportTable volumeBySite(ReportFilter f) {
        return volumes.volumeBySite(f);
    }

    /** Per tag: the requests opened in the period that carry it, and how many of them are still open. */
    public ReportTable tags(ReportFilter f) {
        return volumes.tags(f);
    }

    /** Per period of creation: how fast requests got their first reply and were resolved. */
    public ReportTable responseTimes(ReportFilter f) {
        return volumes.responseTimes(f);
    }

    /** Per period and person: public replies, internal notes, and requests resolved as assignee. */
    public ReportTable staffActivity(ReportFilter f) {
        return activity.staffActivity(f);
    }

    /** Norm-hours logged per period and person, by kind of work (R8). */
    public ReportTable normHours(ReportFilter f) {
        return normHours.normHours(f);
    }

    /** SLA deadlines met and breached per plan (R12). */
    public ReportTable slaByPlan(ReportFilter f) {
        return sla.slaByPlan(f);
    }

    /** SLA deadlines met and breached per assignee. */
    public ReportTable slaByAgent(ReportFilter f) {
        return sla.slaByAgent(f);
    }

    /** "Вопрос решён?" per agent. */
    public ReportTable satisfactionByAgent(ReportFilter f) {
        return satisfaction.satisfactionByAgent(f);
    }

    /** "Вопрос решён?" per client. */
    public ReportTable satisfactionByClient(ReportFilter f) {
        return satisfaction.satisfactionByClient(f);
    }

    /** "Вопрос решён?" per plan the client is on now. */
    public ReportTable satisfactionByPlan(ReportFilter f) {
        return satisfaction.satisfactionByPlan(f);
    }

    /** Client utilisation (R8, R9) from the contract ledger. */
    public ReportTable utilisation(ReportFilter f) {
        return utilisation.utilisation(f);
    }

    /** Clients over their plan this month or overrunning it in the closed months. */
    ReportTable overPlan() {
        return utilisation.overPlan();
    }
}
