package dev.tidesk.audit;

import dev.tidesk.shared.Installation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit module's API: writes an entry in the caller's transaction (so a change that rolls back
 * leaves no trace claiming it happened), and reads entries back for the admin's page and its CSV.
 */
@Service
public class AuditLog {

    /** The most lines a page or an export holds; the filters narrow further. */
    public static final int MAX_ROWS = 5000;

    private static final RowMapper<AuditEntry> ROW = (rs, i) -> new AuditEntry(
            rs.getLong("id"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            AuditAction.valueOf(rs.getString("action")),
            rs.getString("target"),
            rs.getString("detail"),
            rs.getString("address"));

    private final JdbcTemplate jdbc;
    private final Installation installation;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Installation installation, Clock clock) {
        this.jdbc = jdbc;
        this.installation = installation;
        this.clock = clock;
    }

    /** Records what the signed-in person (or the system, when nobody is) just did. */
    @Transactional
    public void record(AuditAction action, String target, String detail) {
        record(currentActor(), action, target, detail);
    }

    /** Records what {@code actor} (a login, or {@code system}) just did. */
    @Transactional
    public void record(String actor, AuditAction action, String target, String detail) {
        jdbc.update(
                "insert into audit_log (at, actor, action, target, detail, address) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                cut(actor == null ? "system" : actor, 200),
                action.name(),
                cut(target, 300),
                cut(detail, 1000),
                cut(clientAddress(), 64));
    }

    /** The newest entries that pass the filter, at most {@link #MAX_ROWS}. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_log where true");
        List<Object> args = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(
                    filter.from().atStartOfDay(installation.timeZone()).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(filter.to()
                    .plusDays(1)
                    .atStartOfDay(installation.timeZone())
                    .toInstant()));
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" and lower(actor) = lower(?)");
            args.add(filter.actor().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (strpos(lower(coalesce(target, '')), lower(?)) > 0"
                    + " or strpos(lower(coalesce(detail, '')), lower(?)) > 0)");
            args.add(filter.text().strip());
            args.add(filter.text().strip());
        }
        sql.append(" order by at desc, id desc limit ?");
        args.add(Math.max(1, Math.min(limit, MAX_ROWS)));
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /**
     * The filtered entries as CSV (UTF-8 with a byte order mark, ';' between cells, as Excel in Russia
     * reads it), times in the installation's zone, actions and roles in words. The export itself is
     * recorded.
     */
    @Transactional
    public byte[] csv(
            AuditFilter filter,
            List<String> header,
            java.util.function.Function<AuditAction, String> label,
            java.util.function.Function<String, String> roleLabel) {
        List<AuditEntry> entries = find(filter, MAX_ROWS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        try (CSVPrinter csv = new CSVPrinter(
                new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord(header);
            for (AuditEntry e : entries) {
                csv.printRecord(
                        installation.dateTime(e.at()),
                        e.actor(),
                        label.apply(e.action()),
                        safe(e.target()),
                        e.roles().isEmpty()
                                ? safe(e.detail())
                                : String.join(
                                        " → ", e.roles().stream().map(roleLabel).toList()),
                        e.address());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(AuditAction.AUDIT_EXPORTED, null, entries.size() + " entries");
        return bytes.toByteArray();
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
    static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
                ? "system"
                : auth.getName();
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replace('\0', ' ');
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
