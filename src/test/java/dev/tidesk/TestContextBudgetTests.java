package dev.tidesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * How many Spring application contexts the integration suite boots. Each one starts its own
 * embedded PostgreSQL, runs every migration and builds every bean (10 to 20 s on a busy 2-core
 * machine), so a test class that brings its own properties, mocks or {@code @DirtiesContext} costs
 * a whole boot. The key is Spring's own: test classes whose {@link MergedContextConfiguration}s
 * are equal share a cached context. A new context is sometimes needed (a property read once at
 * start, a second port, another server): then raise {@link #BUDGET} and say why in the commit.
 * Tests that start Tidesk themselves ({@code SeveralNodesTests}, {@code EventRegistryRestartTests},
 * the backup drill, the upgrade test, {@code ExternalDatabaseTests}, {@code CrashRecoveryTests}'
 * child JVM) are not counted here: each start is what they test.
 */
class TestContextBudgetTests {

    /**
     * The contexts the integration suite boots (11 before the plain {@code @SpringBootTest} classes
     * joined {@link WebTest} and the browser tests without mail {@link MailTest}; the two tests
     * that run the data generator share {@link GeneratedDataTest}).
     */
    static final int BUDGET = 10;

    @Test
    void theIntegrationSuiteBootsNoMoreContextsThanItsBudget() throws Exception {
        Map<MergedContextConfiguration, List<String>> contexts = contexts();
        StringBuilder report = new StringBuilder();
        contexts.values().stream()
                .sorted(Comparator.comparing((List<String> classes) -> -classes.size()))
                .forEach(classes -> report.append(String.format(
                        "%3d classes: %s%s%n", classes.size(), classes.get(0), classes.size() > 1 ? ", ..." : "")));
        System.out.printf("%d application contexts in the integration suite:%n%s", contexts.size(), report);
        assertThat(contexts.size()).as(report.toString()).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void testsThatNeedNothingOfTheirOwnShareTheMockMvcTheMailOrTheGeneratedDataContext() throws Exception {
        Map<MergedContextConfiguration, List<String>> contexts = contexts();
        assertThat(contexts.values())
                .anySatisfy(classes -> assertThat(classes)
                        .contains(
                                "identity.PasswordResetWebTests",
                                "report.ReportsTests",
                                "report.ReportSnapshotsTests",
                                "ticket.TidAllocationTests"))
                .anySatisfy(classes -> assertThat(classes)
                        .contains(
                                "mail.AutomaticMailTests",
                                "journey.ActBrowserTests",
                                "journey.ContractPageBrowserTests",
                                "journey.DashboardBrowserTests"))
                .anySatisfy(classes -> assertThat(classes)
                        .containsExactlyInAnyOrder("bench.BenchmarkSmokeTests", "generator.DataGeneratorTests"));
    }

    private static Map<MergedContextConfiguration, List<String>> contexts;

    /** Each distinct context of the Failsafe suite (classes tagged "integration") and the classes that use it. */
    static synchronized Map<MergedContextConfiguration, List<String>> contexts() throws ClassNotFoundException {
        if (contexts == null) {
            contexts = scan();
        }
        return contexts;
    }

    private static Map<MergedContextConfiguration, List<String>> scan() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Tests"));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.tidesk")) {
            Class<?> type =
                    ClassUtils.forName(candidate.getBeanClassName(), TestContextBudgetTests.class.getClassLoader());
            MergedAnnotations annotations = MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY);
            boolean integration = annotations.stream(Tag.class)
                    .anyMatch(tag -> tag.getString("value").equals("integration"));
            if (integration
                    && !Modifier.isAbstract(type.getModifiers())
                    && annotations.isPresent(BootstrapWith.class)) {
                classes.add(type);
            }
        }
        Map<MergedContextConfiguration, List<String>> found = new LinkedHashMap<>();
        Map<String, Class<?>> byName = new TreeMap<>();
        // the bootstrapper logs a few lines per class; only the figures matter here
        ch.qos.logback.classic.Logger testContext =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.springframework");
        ch.qos.logback.classic.Level level = testContext.getLevel();
        testContext.setLevel(ch.qos.logback.classic.Level.ERROR);
        classes.forEach(type -> byName.put(type.getName(), type));
        for (Class<?> type : byName.values()) {
            MergedContextConfiguration key =
                    BootstrapUtils.resolveTestContextBootstrapper(type).buildMergedContextConfiguration();
            found.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(type.getName().substring("dev.tidesk.".length()));
        }
        testContext.setLevel(level);
        return found;
    }
}
