package dev.tidesk.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code @login} in an internal note names a colleague: the local part of their e-mail address or
 * their login. Unknown names stay plain text.
 */
@Component
public class Mentions {

    /** An {@code @name} not glued to a word before it (so {@code anna@example.ru} is no mention). */
    static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)");

    /** A colleague named in a note. */
    public record Colleague(long staffId, String fullName, String email, String role) {}

    /** A piece of a note: plain text, or a mention ({@code colleague} set) shown as a link. */
    public record Segment(String text, Colleague colleague) {
        public boolean mention() {
            return colleague != null;
        }
    }

    private final JdbcTemplate jdbc;

    Mentions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The colleagues a note mentions, each once, in the order they appear. */
    public List<Colleague> in(String body) {
        Map<Long, Colleague> found = new LinkedHashMap<>();
        for (Segment s : segments(body)) {
            if (s.mention()) {
                found.putIfAbsent(s.colleague().staffId(), s.colleague());
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The notes among these messages that name someone, each cut into text and mentions (by message
     * id); every other message stays plain text.
     */
    public Map<Long, List<Segment>> segmentsOf(List<dev.tidesk.ticket.MessageView> messages) {
        Map<Long, List<Segment>> out = new java.util.HashMap<>();
        for (dev.tidesk.ticket.MessageView m : messages) {
            if (m.kind() == dev.tidesk.ticket.MessageKind.INTERNAL_NOTE
                    && m.body() != null
                    && m.body().indexOf('@') >= 0) {
                out.put(m.id(), segments(m.body()));
            }
        }
        return out;
    }

    /** The note cut into text and mentions, for its page. */
    public List<Segment> segments(String body) {
        if (body == null || body.indexOf('@') < 0) {
            return List.of(new Segment(body == null ? "" : body, null));
        }
        Map<String, Colleague> byName = directory();
        List<Segment> out = new ArrayList<>();
        Matcher m = MENTION.matcher(body);
        int last = 0;
        while (m.find()) {
            String name = trimEnd(m.group(1));
            Colleague c = byName.get(name.toLowerCase(Locale.ROOT));
            if (c == null) {
                continue;
            }
            int end = m.start(1) + name.length();
            if (m.start() > last) {
                out.add(new Segment(body.substring(last, m.start()), null));
            }
            out.add(new Segment(body.substring(m.start(), end), c));
            last = end;
        }
        if (last < body.length()) {
            out.add(new Segment(body.substring(last), null));
        }
        return out;
    }

    /** A sentence's full stop or dash after a name is not part of it. */
    private static String trimEnd(String name) {
        int end = name.length();
        while (end > 1 && ".-_".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        return name.substring(0, end);
    }

    private Map<String, Colleague> directory() {
        Map<String, Colleague> byName = new HashMap<>();
        jdbc.query("""
                select s.id, s.full_name, s.email, s.role, a.login
                  from team_staff_v s left join identity_staff_account_v a on a.staff_id = s.id
                where s.active order by s.id""", rs -> {
            Colleague c = new Colleague(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            String email = c.email() == null ? "" : c.email().toLowerCase(Locale.ROOT);
            int at = email.indexOf('@');
            if (at > 0) {
                byName.putIfAbsent(email.substring(0, at), c);
            }
            String login = rs.getString(5);
            if (login != null && !login.isBlank()) {
                byName.putIfAbsent(login.toLowerCase(Locale.ROOT), c);
            }
        });
        return byName;
    }
}
