package dev.tidesk.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is writing a reply on a request right now. The reply box sends a heartbeat while someone types
 * in it; colleagues with the request open see "… is replying" until the heartbeats stop.
 */
@Service
public class Presence {

    /** How long one heartbeat counts: a little over two beats of a typing agent's box. */
    public static final Duration FRESH = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Presence(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** This person is typing a reply or a note on the request. */
    @Transactional
    public void typing(long ticketId, long staffId) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.update("""
                insert into request_presence (ticket_id, staff_id, typing_at) values (?, ?, ?)
                on conflict (ticket_id, staff_id) do update set typing_at = excluded.typing_at""", ticketId, staffId, now);
    }

    /** The colleagues (not this person) typing on the request within the last {@link #FRESH} seconds. */
    public List<String> othersTyping(long ticketId, long staffId) {
        Timestamp since = Timestamp.from(Instant.now(clock).minus(FRESH));
        return jdbc.queryForList("""
                select s.full_name from request_presence p join team_staff_v s on s.id = p.staff_id
                where p.ticket_id = ? and p.staff_id <> ? and p.typing_at > ? order by s.full_name""", String.class, ticketId, staffId, since);
    }
}
