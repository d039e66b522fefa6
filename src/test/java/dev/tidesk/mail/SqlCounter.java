package dev.tidesk.mail;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * For the benchmark only: counts the SQL statements the application sends, by statement text,
 * through a proxy around the data source.
 */
class SqlCounter implements BeanPostProcessor {

    static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(bean instanceof Proxy)) {
            return Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {DataSource.class}, handler(ds, DataSource.class));
        }
        return bean;
    }

    private static InvocationHandler handler(Object target, Class<?> type) {
        return (proxy, method, args) -> {
            String name = method.getName();
            if (type == Connection.class
                    && (name.equals("prepareStatement") || name.equals("prepareCall"))
                    && args != null
                    && args[0] instanceof String sql) {
                count(sql);
            }
            if (type == Connection.class && (name.equals("commit") || name.equals("rollback"))) {
                count("-- " + name);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && type == DataSource.class) {
                return Proxy.newProxyInstance(
                        SqlCounter.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        handler(c, Connection.class));
            }
            return result;
        };
    }

    /** Counts by the statement text as sent; it is shortened for the report only, so that counting stays cheap. */
    private static void count(String sql) {
        COUNTS.computeIfAbsent(sql, k -> new LongAdder()).increment();
    }

    private static String shortened(String sql) {
        String key = sql.replaceAll("\\s+", " ").strip();
        return key.length() > 160 ? key.substring(0, 160) : key;
    }

    static void reset() {
        COUNTS.clear();
    }

    static String report(int messages) {
        long total = COUNTS.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("--"))
                .mapToLong(e -> e.getValue().sum())
                .sum();
        return String.format("%.1f statements per message%n", (double) total / messages)
                + COUNTS.entrySet().stream()
                        .sorted(Comparator.comparingLong(e -> -e.getValue().sum()))
                        .map(e -> String.format(
                                "%8.2f  %s", (double) e.getValue().sum() / messages, shortened(e.getKey())))
                        .collect(Collectors.joining("\n"));
    }
}
