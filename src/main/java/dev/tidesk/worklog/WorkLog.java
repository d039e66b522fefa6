package dev.tidesk.worklog;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.Installation;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklog's API: log and edit norm-hour entries, read them per request, and the sums per
 * organization and month that the contract ledger is built from.
 */
@Service
@Transactional(readOnly = true)
public class WorkLog {

    private final WorkEntryRepository entries;
    private final WorkEntryChangeRepository changes;
    private final RequestQueries requests;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Installation installation;
    private final Clock clock;

    WorkLog(
            WorkEntryRepository entries,
            WorkEntryChangeRepository changes,
            RequestQueries requests,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc,
            Installation installation,
            Clock clock) {
        this.entries = entries;
        this.changes = changes;
        this.requests = requests;
        this.events = events;
        this.jdbc = jdbc;
        this.installation = installation;
        this.clock = clock;
    }

    /**
     * Logs time on a request.
     *
     * @param taskId  a specialist task of that request, or null; stored as given (the task module
     *                checks that the task is the request's: {@code TaskBoard.logHours})
     * @param staffId who did the work (the entry's author)
     * @param day     the day of the work, in the installation's time zone; not in the future and not
     *                before the day the request was received
     * @param minutes more than zero; with the person's other entries that day at most 24 hours
     */
    @Transactional
    public WorkEntryView log(
            long ticketId,
            Long taskId,
            long staffId,
            String staffName,
            LocalDate day,
            int minutes,
            WorkKind kind,
            String comment) {
        TicketView ticket = requests.ticket(ticketId);
        WorkEntry entry = new WorkEntry(
                ticketId,
                taskId,
                ticket.organizationId(),
                staffId,
                staffName == null ? "#" + staffId : staffName,
                day,
                minutes,
                kind,
                comment,
                opened(ticket),
                today(),
                now());
        checkDay(staffId, day, minutes, 0);
        entries.save(entry);
        addToMonth(ticket.organizationId(), day, minutes);
        changes.save(entry.change(entry.view().staffName(), "CREATED", now()));
        events.publishEvent(new WorkLogged(entry.getId(), ticketId, ticket.organizationId(), day, null));
        return entry.view();
    }

    /** The short form the brief promises: logs with the staff id as the name shown. */
    @Transactional
    public WorkEntryView log(
            long ticketId, Long taskId, long staffId, LocalDate day, int minutes, WorkKind kind, String comment) {
        return log(ticketId, taskId, staffId, null, day, minutes, kind, comment);
    }

    /** Changes an entry; the author may change their own, {@code mayEditAny} (HEAD, ADMIN) anyone's. */
    @Transactional
    public WorkEntryView edit(
            long entryId,
            long editorStaffId,
            String editorName,
            boolean mayEditAny,
            LocalDate day,
            int minutes,
            WorkKind kind,
            String comment) {
        WorkEntry entry = entries.findById(entryId).orElseThrow(() -> new NotFoundException("No entry " + entryId));
        LocalDate before = entry.getDay();
        int minutesBefore = entry.getMinutes();
        entry.edit(
                editorStaffId,
                mayEditAny,
                day,
                minutes,
                kind,
                comment,
                opened(requests.ticket(entry.getTicketId())),
                today(),
                now());
        addToMonth(entry.getOrganizationId(), before, -minutesBefore);
        addToMonth(entry.getOrganizationId(), day, minutes);
        checkDay(entry.getStaffId(), day, minutes, entryId);
        changes.save(entry.change(editorName, "EDITED", now()));
        events.publishEvent(new WorkLogged(entryId, entry.getTicketId(), entry.getOrganizationId(), day, before));
        return entry.view();
    }

    /** Keeps the monthly total of the organization in step with its entries, in the same transaction. */
    private void addToMonth(Long organizationId, LocalDate day, int minutes) {
        if (organizationId == null) {
            return;
        }
        jdbc.update("""
                insert into work_month (organization_id, month, minutes) values (?, ?, ?)
                on conflict (organization_id, month) do update set minutes = work_month.minutes + excluded.minutes
                """, organizationId, YearMonth.from(day).atDay(1), minutes);
    }

    private void checkDay(long staffId, LocalDate day, int minutes, long exceptEntryId) {
        long already = entries.minutesOfStaffOnDay(staffId, day, exceptEntryId);
        if (already + minutes > WorkEntry.MAX_MINUTES_PER_DAY) {
            throw new DomainException(
                    "worklog.error.day-full", "More than 24 hours logged by one person on " + day, 24);
        }
    }

    public WorkEntryView entry(long entryId) {
        return entries.findById(entryId)
                .map(WorkEntry::view)
                .orElseThrow(() -> new NotFoundException("No entry " + entryId));
    }

    /** A request's entries, newest day first. */
    public List<WorkEntryView> entriesOf(long ticketId) {
        return entries.findByTicket(ticketId).stream().map(WorkEntry::view).toList();
    }

    /** The history of a request's entries, oldest first. */
    public List<WorkEntryChangeView> changesOf(long ticketId) {
        return changes.findByTicket(ticketId).stream()
                .map(WorkEntryChange::view)
                .toList();
    }

    /** All the minutes logged on a request, those on its tasks included (each entry counts once). */
    public int totalMinutesOf(long ticketId) {
        return entries.findByTicket(ticketId).stream()
                .mapToInt(WorkEntry::getMinutes)
                .sum();
    }

    /** Minutes per task of a request, for the entries logged on a task (a task without entries is absent). */
    public Map<Long, Integer> minutesByTask(long ticketId) {
        Map<Long, Integer> out = new HashMap<>();
        for (WorkEntry e : entries.findByTicket(ticketId)) {
            if (e.getTaskId() != null) {
                out.merge(e.getTaskId(), e.getMinutes(), Integer::sum);
            }
        }
        return out;
    }

    /** Minutes per task for the given tasks (a specialist's list); tasks without entries are absent. */
    public Map<Long, Integer> minutesOfTasks(java.util.Collection<Long> taskIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        for (Object[] row : entries.minutesByTask(taskIds)) {
            out.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return out;
    }

    /** The first day time may be logged for on a request: the day it was received, in the installation's time zone. */
    public LocalDate firstDayOf(TicketView ticket) {
        return opened(ticket);
    }

    /** An organization's entries on days in [from, toExclusive), oldest first: the monthly statement. */
    public List<WorkEntryView> entriesOfOrganization(long organizationId, LocalDate from, LocalDate toExclusive) {
        return entries.findByOrganization(organizationId, from, toExclusive).stream()
                .map(WorkEntry::view)
                .toList();
    }

    /** Minutes per month of one organization for days in [from, toExclusive). */
    public Map<YearMonth, Integer> minutesByMonth(long organizationId, LocalDate from, LocalDate toExclusive) {
        Map<YearMonth, Integer> out = new TreeMap<>();
        jdbc.query(
                """
                select date_trunc('month', day)::date as m, sum(minutes) from work_entry
                 where organization_id = ? and day >= ? and day < ? group by 1
                """,
                rs -> {
                    out.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2));
                },
                organizationId,
                from,
                toExclusive);
        return out;
    }

    /**
     * Minutes per organization and whole calendar month from {@code from} to {@code to} (inclusive),
     * for all clients at once, read from the monthly totals kept with every entry.
     */
    public Map<Long, Map<YearMonth, Integer>> minutesByOrganizationAndMonth(YearMonth from, YearMonth to) {
        Map<Long, Map<YearMonth, Integer>> out = new HashMap<>();
        jdbc.query(
                "select organization_id, month, minutes from work_month where month >= ? and month <= ?",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3));
                },
                from.atDay(1),
                to.atDay(1));
        return out;
    }

    private LocalDate opened(TicketView ticket) {
        return ticket.createdAt() == null ? null : LocalDate.ofInstant(ticket.createdAt(), installation.timeZone());
    }

    /** Today in the installation's time zone: the latest day time may be logged for. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(installation.timeZone()));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
