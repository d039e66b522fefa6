package dev.tidesk;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Sees every statement the application sends, through datasource-proxy around its data source:
 * counts statements, batched rows and commits for all threads, and records the statements of the
 * current thread (with their parameters, so that a test can ask PostgreSQL for their plans).
 * Import {@link Config} into a test to have it.
 */
public final class SqlRecorder implements QueryExecutionListener, MethodExecutionListener {

    /** A statement as sent, with the parameters of each execution (one for a plain statement, more for a batch). */
    public record Recorded(String sql, List<List<ParameterSetOperation>> parameters) {

        public boolean isSelect() {
            return sql.stripLeading().regionMatches(true, 0, "select", 0, 6)
                    || sql.stripLeading().regionMatches(true, 0, "with", 0, 4);
        }

        /** PostgreSQL's plan of this statement with its first execution's parameters, as JSON. */
        public String explain(Connection connection, String options) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("explain (" + options + ") " + sql)) {
                if (!parameters.isEmpty()) {
                    for (ParameterSetOperation op : parameters.get(0)) {
                        try {
                            op.getMethod().invoke(ps, op.getArgs());
                        } catch (IllegalAccessException | InvocationTargetException e) {
                            throw new SQLException("Could not set a parameter of " + sql, e);
                        }
                    }
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    /** The tables a plan (as {@link Recorded#explain} gives it) reads whole: its sequential scans. */
    public static Set<String> sequentialScans(String plan) {
        Set<String> tables = new TreeSet<>();
        Matcher m = SEQ_SCAN.matcher(plan);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    /** The statements, one a line, their white space folded and each cut at 160 characters: for a failure's message. */
    public static String listing(List<Recorded> sent) {
        StringBuilder s = new StringBuilder();
        for (Recorded r : sent) {
            String q = r.sql().replaceAll("\\s+", " ");
            s.append("  ").append(q, 0, Math.min(q.length(), 160)).append('\n');
        }
        return s.toString();
    }

    private final LongAdder statements = new LongAdder();
    private final LongAdder batchedRows = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final ThreadLocal<List<Recorded>> recording = new ThreadLocal<>();

    /** Statements sent so far by every thread (a batch counts once). */
    public long statements() {
        return statements.sum();
    }

    /** Rows sent in batches so far. */
    public long batchedRows() {
        return batchedRows.sum();
    }

    /** Commits so far. */
    public long commits() {
        return commits.sum();
    }

    /** Starts recording the statements of this thread. */
    public void start() {
        recording.set(new ArrayList<>());
    }

    /** Stops recording and returns this thread's statements since {@link #start()}. */
    public List<Recorded> stop() {
        List<Recorded> out = recording.get();
        recording.remove();
        return out == null ? List.of() : out;
    }

    @Override
    public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execInfo, List<net.ttddyy.dsproxy.QueryInfo> queries) {}

    @Override
    public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execInfo, List<net.ttddyy.dsproxy.QueryInfo> queries) {
        statements.increment();
        if (execInfo.isBatch()) {
            batchedRows.add(execInfo.getBatchSize());
        }
        List<Recorded> into = recording.get();
        if (into != null) {
            for (var q : queries) {
                into.add(new Recorded(q.getQuery(), List.copyOf(q.getParametersList())));
            }
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if (context.getTarget() instanceof Connection
                && "commit".equals(context.getMethod().getName())
                && context.getThrown() == null) {
            commits.increment();
        }
    }

    /** Wraps the application's data source; the recorder is a bean the test autowires. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static SqlRecorder sqlRecorder() {
            return new SqlRecorder();
        }

        @Bean
        static BeanPostProcessor recordingDataSource(
                org.springframework.beans.factory.ObjectProvider<SqlRecorder> recorder) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource ds && "dataSource".equals(name)) {
                        SqlRecorder r = recorder.getObject();
                        return ProxyDataSourceBuilder.create(ds)
                                .name("recorded")
                                .listener(r)
                                .methodListener(r)
                                .build();
                    }
                    return bean;
                }
            };
        }
    }
}
