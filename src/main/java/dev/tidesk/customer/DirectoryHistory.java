package dev.tidesk.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Writes and reads {@link DirectoryChange}s, in the changing transaction. */
@Component
class DirectoryHistory {

    private static final RowMapper<DirectoryChange> ROW = (rs, i) -> new DirectoryChange(
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            DirectoryChange.Subject.valueOf(rs.getString("subject")),
            rs.getLong("subject_id"),
            rs.getString("subject_name"),
            rs.getString("field"),
            rs.getString("from_value"),
            rs.getString("to_value"));

    private final JdbcTemplate jdbc;

    DirectoryHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the change when the value really changed; says whether it did. */
    boolean record(
            long organizationId,
            DirectoryChange.Subject subject,
            long subjectId,
            String subjectName,
            Instant at,
            String actor,
            String field,
            Object from,
            Object to) {
        String before = from == null ? null : from.toString();
        String after = to == null ? null : to.toString();
        if (Objects.equals(before, after)) {
            return false;
        }
        jdbc.update(
                """
                insert into customer_change (organization_id, subject, subject_id, subject_name, at, actor, field,
                    from_value, to_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                organizationId,
                subject.name(),
                subjectId,
                cut(subjectName, 200),
                Timestamp.from(at),
                cut(actor == null ? "system" : actor, 200),
                field,
                cut(before, 1000),
                cut(after, 1000));
        return true;
    }

    /** The organization's changes and those of its contacts and sites, newest first. */
    List<DirectoryChange> ofOrganization(long organizationId, int limit) {
        return jdbc.query(
                "select * from customer_change where organization_id = ? order by at desc, id desc limit ?",
                ROW,
                organizationId,
                limit);
    }

    List<DirectoryChange> of(DirectoryChange.Subject subject, long subjectId, int limit) {
        return jdbc.query(
                "select * from customer_change where subject = ? and subject_id = ? order by at desc, id desc limit ?",
                ROW,
                subject.name(),
                subjectId,
                limit);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
