package dev.tidesk.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The logins and requests of a generated data set, read from the database. */
record BenchData(
        List<String> agents,
        List<String> heads,
        List<String> clients,
        List<String> tids,
        long requests,
        long messages,
        long organizations) {

    static BenchData of(JdbcTemplate jdbc, String domain) {
        List<String> agents = jdbc.queryForList(
                "select login from account where role in ('AGENT', 'MANAGER') " + "and login like ? order by id",
                String.class,
                "%@" + domain);
        List<String> heads = jdbc.queryForList(
                "select login from account where role = 'HEAD' and login like ?", String.class, "%@" + domain);
        List<String> clients = jdbc.queryForList(
                "select a.login from account a join contact c on c.id = a.contact_id "
                        + "where a.login like ? order by a.id limit 200",
                String.class,
                "%." + domain);
        // requests spread over the whole table, picked by number so that no sort of a million rows is needed
        Long min = jdbc.queryForObject("select min(number) from ticket", Long.class);
        Long max = jdbc.queryForObject("select max(number) from ticket", Long.class);
        List<String> tids = jdbc.queryForList(
                "select tid from ticket where number in (select (? + (g * 7919) % (? - ? + 1)) "
                        + "from generate_series(0, 999) g)",
                String.class, min, max, min);
        return new BenchData(
                agents,
                heads,
                clients,
                tids,
                jdbc.queryForObject("select count(*) from ticket", Long.class),
                jdbc.queryForObject("select count(*) from ticket_message", Long.class),
                jdbc.queryForObject("select count(*) from organization", Long.class));
    }
}
