package dev.tidesk.generator;

import dev.tidesk.shared.Installation;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

/**
 * Fills the database with benchmark data through PostgreSQL COPY in one transaction: a failed run
 * leaves nothing behind. For a big load into a small table the secondary indexes and the foreign
 * keys of the request tables are dropped first and rebuilt at the end (their definitions are read
 * from the catalog, so they stay those of the migrations). One thread builds rows while the
 * connection copies the previous chunk.
 */
@Component
public class DataGenerator {

    /** What was written. */
    public record Summary(
            int organizations,
            int contacts,
            int sites,
            int staff,
            long requests,
            long messages,
            long historyEntries,
            long firstNumber,
            long lastNumber,
            Duration took) {}

    private static final int CHUNK = 20_000;

    private static final List<String> ANALYZED = List.of(
            "organization",
            "contact",
            "site",
            "staff",
            "account",
            "ticket",
            "ticket_message",
            "ticket_history",
            "contract",
            "contract_terms",
            "routing_client_terms",
            "routing_request",
            "sla_breach",
            "work_entry",
            "work_month",
            "ledger_month",
            "task",
            "task_history",
            "deferral");

    private final DataSource dataSource;
    private final ZoneId zone;
    private final String tidPrefix;

    private final Clock clock;

    DataGenerator(DataSource dataSource, Installation installation, Environment environment, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.zone = installation.timeZone();
        this.tidPrefix = environment.getProperty("tidesk.ticket.tid-prefix", "TID-");
    }

    record Person(long id, String name, String email, String language) {}

    record Org(
            long id,
            String name,
            boolean english,
            double weight,
            Person[] contacts,
            long[] siteIds,
            String[] siteUrls,
            int manager) {}

    record Member(long id, String name, String email, String role) {}

    private record Chunk(
            byte[] tickets, byte[] messages, byte[] history, int requests, long messageRows, long historyRows) {}

    public Summary generate(GeneratorOptions given, PrintStream out) {
        GeneratorOptions options = given.until(LocalDate.now(clock.withZone(zone)));
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Summary summary = load(c, options, out, started);
                c.commit();
                c.setAutoCommit(true);
                out.println("Analyzing tables...");
                try (Statement st = c.createStatement()) {
                    for (String t : ANALYZED) {
                        st.execute("vacuum analyze " + t);
                    }
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                out.printf(
                        "Done in %s: %,d organizations, %,d contacts, %,d staff, %,d requests (%s%d..%s%d), "
                                + "%,d messages, %,d history entries%n",
                        ProgressBar.format(took),
                        summary.organizations(),
                        summary.contacts(),
                        summary.staff(),
                        summary.requests(),
                        tidPrefix,
                        summary.firstNumber(),
                        tidPrefix,
                        summary.lastNumber(),
                        summary.messages(),
                        summary.historyEntries());
                return new Summary(
                        summary.organizations(),
                        summary.contacts(),
                        summary.sites(),
                        summary.staff(),
                        summary.requests(),
                        summary.messages(),
                        summary.historyEntries(),
                        summary.firstNumber(),
                        summary.lastNumber(),
                        took);
            } catch (RuntimeException | SQLException | InterruptedException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Generating data failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * Adds the second phase (contracts, SLA clocks, norm-hours, tasks, deferrals) to requests
     * generated by an earlier version of the generator, without generating the requests again.
     */
    public void addContractsAndWork(GeneratorOptions given, PrintStream out) {
        GeneratorOptions options = given.until(LocalDate.now(clock.withZone(zone)));
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                exec(c, "set local synchronous_commit = off");
                out.println("Contracts, SLA clocks, norm-hours, tasks and deferrals:");
                new ContractsAndWork(c, options, zone, out).write();
                c.commit();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                for (String t : ANALYZED) {
                    st.execute("vacuum analyze " + t);
                }
            }
            out.printf("Done in %s%n", ProgressBar.format(Duration.ofNanos(System.nanoTime() - started)));
        } catch (SQLException e) {
            throw new IllegalStateException("Generating data failed: " + e.getMessage(), e);
        }
    }

    private Summary load(Connection c, GeneratorOptions o, PrintStream out, long started)
            throws SQLException, InterruptedException {
        exec(c, "set local synchronous_commit = off");
        exec(c, "set local maintenance_work_mem = '512MB'");
        String headLogin = "head@" + o.domain();
        if (count(c, "select count(*) from account where lower(login) = lower('" + headLogin.replace("'", "''") + "')")
                > 0) {
            throw new IllegalStateException("This database already holds generated data for " + o.domain()
                    + "; generate into an empty database or pass another --domain");
        }
        SplittableRandom random = new SplittableRandom(o.seed());
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(o.password());

        // Staff
        int staffCount = Math.max(8, o.organizations() / 25);
        long staffId0 = reserve(c, "staff", staffCount);
        List<Member> staff = new ArrayList<>();
        CopyBuffer staffRows = new CopyBuffer();
        CopyBuffer accountRows = new CopyBuffer();
        int agents = 0;
        for (int i = 0; i < staffCount; i++) {
            String role = i == 0
                    ? "HEAD"
                    : i == 1 || i == 2
                            ? "AGENT"
                            : pick(random, new String[] {"AGENT", "MANAGER", "SPECIALIST"}, new double[] {
                                0.6, 0.15, 0.25
                            });
            String login = role.equals("HEAD") ? headLogin : role.toLowerCase() + (i + 1) + "@" + o.domain();
            String name = Texts.FIRST_NAMES.get(random.nextInt(Texts.FIRST_NAMES.size())) + " "
                    + Texts.LAST_NAMES.get(random.nextInt(Texts.LAST_NAMES.size())) + (random.nextBoolean() ? "а" : "");
            Member m = new Member(staffId0 + i, name, login, role);
            staff.add(m);
            agents += role.equals("AGENT") ? 1 : 0;
            String specialty = role.equals("SPECIALIST")
                    ? pick(random, new String[] {"DEVELOPER", "DESIGNER", "CONTENT", "SEO", "SYSADMIN"}, null)
                    : null;
            staffRows
                    .add(m.id())
                    .add(name)
                    .add(login)
                    .add(role)
                    .add(specialty)
                    .add("AVAILABLE")
                    .add(true)
                    .end();
            accountRows
                    .add(login)
                    .add(hash)
                    .add(name)
                    .add("STAFF")
                    .add(role)
                    .add(m.id())
                    .add((Long) null)
                    .add((Long) null)
                    .add("ru")
                    .end();
        }
        Member[] handlers =
                staff.stream().filter(m -> !m.role().equals("SPECIALIST")).toArray(Member[]::new);
        Member[] agentList =
                staff.stream().filter(m -> m.role().equals("AGENT")).toArray(Member[]::new);
        Member[] managers =
                staff.stream().filter(m -> m.role().equals("MANAGER")).toArray(Member[]::new);
        Member[] specialists =
                staff.stream().filter(m -> m.role().equals("SPECIALIST")).toArray(Member[]::new);
        copyIn(copy, "staff (id, full_name, email, role, specialty, availability, active)", staffRows.drain());

        // Organizations, contacts, sites
        out.printf(
                "Generating %,d organizations and %,d staff (%d agents)...%n", o.organizations(), staffCount, agents);
        long orgId0 = reserve(c, "organization", o.organizations());
        int[] contactCounts = new int[o.organizations()];
        int[] siteCounts = new int[o.organizations()];
        int contacts = 0;
        int sites = 0;
        for (int i = 0; i < o.organizations(); i++) {
            contactCounts[i] = 1 + random.nextInt(4);
            siteCounts[i] = 1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.05 ? 1 : 0);
            contacts += contactCounts[i];
            sites += siteCounts[i];
        }
        long contactId0 = reserve(c, "contact", contacts);
        long siteId0 = reserve(c, "site", sites);
        Org[] orgs = new Org[o.organizations()];
        double[] orgCumulative = new double[orgs.length];
        CopyBuffer orgRows = new CopyBuffer();
        CopyBuffer contactRows = new CopyBuffer();
        CopyBuffer siteRows = new CopyBuffer();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String[] row : rows(c, "select lower(name) from organization")) {
            names.add(row[0]);
        }
        long nextContact = contactId0;
        long nextSite = siteId0;
        double total = 0;
        // names come from their own stream: a name taken by earlier data must not shift everything after it
        SplittableRandom nameRandom = random.split();
        for (int i = 0; i < orgs.length; i++) {
            boolean english = random.nextDouble() < 0.08;
            String name = orgName(nameRandom, english, names, i);
            String domain = "org" + (i + 1) + "." + o.domain();
            Person[] people = new Person[contactCounts[i]];
            for (int k = 0; k < people.length; k++) {
                String full = english
                        ? Texts.FIRST_NAMES_EN.get(random.nextInt(Texts.FIRST_NAMES_EN.size())) + " "
                                + Texts.LAST_NAMES_EN.get(random.nextInt(Texts.LAST_NAMES_EN.size()))
                        : Texts.LAST_NAMES.get(random.nextInt(Texts.LAST_NAMES.size())) + " "
                                + Texts.FIRST_NAMES.get(random.nextInt(Texts.FIRST_NAMES.size()));
                String email = "contact" + (k + 1) + "@" + domain;
                String language = english || random.nextDouble() < 0.03 ? "en" : "ru";
                people[k] = new Person(nextContact++, full, email, language);
                contactRows
                        .add(people[k].id())
                        .add(orgId0 + i)
                        .add(full)
                        .add(email)
                        .add((String) null)
                        .add(String.format("+7 (495) %03d-%02d-%02d", random.nextInt(1000), random.nextInt(100), k))
                        .add(String.format("7495%03d%02d%02d", random.nextInt(1000), random.nextInt(100), k))
                        .add(Texts.POSITIONS.get(random.nextInt(Texts.POSITIONS.size())))
                        .add(language)
                        .end();
                accountRows
                        .add(email)
                        .add(hash)
                        .add(full)
                        .add("CONTACT")
                        .add("CONTACT")
                        .add((Long) null)
                        .add(people[k].id())
                        .add(orgId0 + i)
                        .add(language)
                        .end();
            }
            long[] siteIds = new long[siteCounts[i]];
            String[] urls = new String[siteCounts[i]];
            for (int k = 0; k < siteIds.length; k++) {
                siteIds[k] = nextSite++;
                String host = (k == 0 ? "" : "shop" + k + ".") + domain;
                urls[k] = "https://" + host;
                siteRows.add(siteIds[k])
                        .add(orgId0 + i)
                        .add(
                                k == 0
                                        ? (english ? "Company site" : "Сайт компании")
                                        : (english ? "Shop " + k : "Магазин " + k))
                        .add(urls[k])
                        .add("https://test." + host)
                        .end();
            }
            double weight = Math.exp(random.nextGaussian());
            int manager = managers.length > 0 && random.nextDouble() < 0.1 ? random.nextInt(managers.length) : -1;
            orgs[i] = new Org(orgId0 + i, name, english, weight, people, siteIds, urls, manager);
            total += weight;
            orgCumulative[i] = total;
            orgRows.add(orgs[i].id())
                    .add(name)
                    .add(String.format("77%08d", random.nextInt(100_000_000)))
                    .add(domain)
                    .add((String) null)
                    .end();
        }
        copyIn(copy, "organization (id, name, inn, email_domain, notes)", orgRows.drain());
        copyIn(
                copy,
                "contact (id, organization_id, full_name, email, extra_emails, phone, phone_digits, position, language)",
                contactRows.drain());
        copyIn(copy, "site (id, organization_id, name, live_url, test_url)", siteRows.drain());
        copyIn(
                copy,
                "account (login, password_hash, display_name, kind, role, staff_id, contact_id, organization_id, locale)",
                accountRows.drain());

        // Requests
        long existing = count(c, "select count(*) from ticket");
        boolean rebuild = o.requests() >= 50_000 && o.requests() >= existing;
        List<String[]> indexes = List.of();
        List<String[]> foreignKeys = List.of();
        if (rebuild) {
            indexes = rows(c, """
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                      from pg_index i join pg_class t on t.oid = i.indrelid
                     where t.relname in ('ticket', 'ticket_message', 'ticket_history')
                       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""");
            foreignKeys = rows(c, """
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                     where contype = 'f' and conrelid in ('ticket_message'::regclass, 'ticket_history'::regclass)""");
            out.printf(
                    "Dropping %d secondary indexes and %d foreign keys for the load...%n",
                    indexes.size(), foreignKeys.size());
            for (String[] fk : foreignKeys) {
                exec(c, "alter table " + fk[0] + " drop constraint " + fk[1]);
            }
            for (String[] index : indexes) {
                exec(c, "drop index " + index[0]);
            }
        }
        // the generated requests take a block of the TID sequence
        long firstNumber = count(c, "select nextval('ticket_number_seq')");
        if (o.requests() > 1) {
            exec(c, "select setval('ticket_number_seq', " + (firstNumber + o.requests() - 1) + ")");
        }
        long ticketId0 = reserve(c, "ticket", o.requests());
        RequestPlan plan = new RequestPlan(o, zone, random.split());
        out.printf(
                "Generating %,d requests from %s to %s...%n",
                o.requests(), plan.start(), o.until().minusDays(1));
        ProgressBar bar = new ProgressBar(out, "requests", o.requests());
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Chunk end = new Chunk(null, null, null, 0, 0, 0);
        SplittableRandom ticketRandom = random.split();
        Thread producer = new Thread(
                () -> {
                    try {
                        RequestWriter writer = new RequestWriter(
                                ticketRandom,
                                plan.reference(),
                                tidPrefix,
                                handlers,
                                agentList,
                                managers,
                                specialists,
                                orgs,
                                orgCumulative);
                        CopyBuffer t = new CopyBuffer();
                        CopyBuffer m = new CopyBuffer();
                        CopyBuffer h = new CopyBuffer();
                        int inChunk = 0;
                        long messagesBefore = 0;
                        long historyBefore = 0;
                        for (int i = 0; i < o.requests(); i++) {
                            writer.write(ticketId0 + i, firstNumber + i, plan.createdAt(i), t, m, h);
                            if (++inChunk == CHUNK || i == o.requests() - 1) {
                                queue.put(new Chunk(
                                        t.drain(),
                                        m.drain(),
                                        h.drain(),
                                        inChunk,
                                        m.rows() - messagesBefore,
                                        h.rows() - historyBefore));
                                messagesBefore = m.rows();
                                historyBefore = h.rows();
                                inChunk = 0;
                            }
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    } finally {
                        try {
                            queue.put(end);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "tidesk-generator");
        producer.setDaemon(true);
        producer.start();
        long done = 0;
        long messages = 0;
        long history = 0;
        while (true) {
            Chunk chunk = queue.take();
            if (chunk == end) {
                break;
            }
            copyIn(
                    copy,
                    "ticket (id, number, tid, subject, organization_id, organization_name, contact_id, contact_name, "
                            + "contact_email, site_id, channel, urgency, urgency_rank, status, assignee_id, assignee_name, "
                            + "created_at, updated_at, first_response_at, resolved_at, closed_at, version)",
                    chunk.tickets());
            copyIn(
                    copy,
                    "ticket_message (ticket_id, kind, author_name, author_staff_id, author_contact_id, body, created_at)",
                    chunk.messages());
            copyIn(copy, "ticket_history (ticket_id, at, actor, field, from_value, to_value)", chunk.history());
            done += chunk.requests();
            messages += chunk.messageRows();
            history += chunk.historyRows();
            bar.update(done, false);
        }
        producer.join();
        if (failure.get() != null) {
            throw new IllegalStateException("Generating requests failed", failure.get());
        }
        bar.finish(done);
        if (rebuild) {
            ProgressBar ib = new ProgressBar(out, "indexes", indexes.size() + foreignKeys.size());
            int n = 0;
            for (String[] index : indexes) {
                exec(c, index[1]);
                ib.update(++n, true);
            }
            for (String[] fk : foreignKeys) {
                exec(c, "alter table " + fk[0] + " add constraint " + fk[1] + " " + fk[2]);
                ib.update(++n, true);
            }
            ib.finish(n);
        }
        long lastNumber = firstNumber + done - 1;
        out.println("Contracts, SLA clocks, norm-hours, tasks and deferrals:");
        new ContractsAndWork(c, o, zone, out).write();
        return new Summary(
                orgs.length,
                contacts,
                sites,
                staffCount,
                done,
                messages,
                history,
                firstNumber,
                lastNumber,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static String orgName(SplittableRandom random, boolean english, java.util.Set<String> taken, int i) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String name = english
                    ? Texts.ORG_NAMES_EN.get(random.nextInt(Texts.ORG_NAMES_EN.size())) + " "
                            + List.of("Ltd", "GmbH", "Trading", "Studio").get(random.nextInt(4))
                    : Texts.ORG_FORMS.get(random.nextInt(Texts.ORG_FORMS.size())) + " «"
                            + Texts.ORG_WORDS.get(random.nextInt(Texts.ORG_WORDS.size())) + "»"
                            + (attempt > 0 ? ", " + Texts.CITIES.get(random.nextInt(Texts.CITIES.size())) : "");
            if (taken.add(name.toLowerCase())) {
                return name;
            }
        }
        String name = (english ? "Client " : "Клиент №") + (i + 1);
        taken.add(name.toLowerCase());
        return name;
    }

    static String pick(SplittableRandom random, String[] values, double[] weights) {
        if (weights == null) {
            return values[random.nextInt(values.length)];
        }
        double x = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static int pickIndex(SplittableRandom random, double[] weights) {
        double x = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static int pickCumulative(SplittableRandom random, double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    /** Takes {@code n} ids of the table's sequence and returns the first. */
    private static long reserve(Connection c, String table, long n) throws SQLException {
        if (n == 0) {
            return 0;
        }
        long first = count(c, "select nextval(pg_get_serial_sequence('" + table + "', 'id'))");
        if (n > 1) {
            exec(c, "select setval(pg_get_serial_sequence('" + table + "', 'id'), " + (first + n - 1) + ")");
        }
        return first;
    }

    private static void copyIn(CopyManager copy, String target, byte[] rows) throws SQLException {
        if (rows.length == 0) {
            return;
        }
        CopyIn in = copy.copyIn("copy " + target + " from stdin");
        try {
            in.writeToCopy(rows, 0, rows.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String[]> rows(Connection c, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
