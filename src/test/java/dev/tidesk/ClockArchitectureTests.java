package dev.tidesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * "Now" comes from the one {@link Clock} bean, so tests can move time and every module agrees on
 * it: no class reads the system clock itself, and nobody takes an optional clock.
 */
class ClockArchitectureTests {

    static final List<Class<?>> TIME_TYPES = List.of(
            Instant.class,
            LocalDate.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class,
            YearMonth.class,
            Year.class);

    static ArchRule noSystemClock() {
        var rule = noClasses().should().callMethod(System.class, "currentTimeMillis");
        for (Class<?> type : TIME_TYPES) {
            rule = rule.orShould().callMethod(type, "now");
            rule = rule.orShould().callMethod(type, "now", java.time.ZoneId.class);
        }
        return rule.orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .because("the Clock bean (system.ClockConfiguration) is the only source of now");
    }

    @Test
    void nothingReadsTheSystemClockButTheClockBean() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tidesk");
        noSystemClock().check(main);
    }

    @Test
    void noOneTakesAnOptionalClock() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tidesk");
        main.forEach(c -> c.getConstructors()
                .forEach(k -> assertThat(k.reflect().getGenericParameterTypes())
                        .as("constructor of %s", c.getName())
                        .noneMatch(t ->
                                t.getTypeName().equals(Optional.class.getName() + "<" + Clock.class.getName() + ">"))));
    }

    /** The rule must see the mistake it is for. */
    @Test
    void theRuleCatchesAClassReadingTheSystemClock() {
        assertThat(noSystemClock()
                        .evaluate(new ClassFileImporter().importClasses(ReadsTheSystemClock.class))
                        .hasViolation())
                .isTrue();
        assertThat(noSystemClock()
                        .evaluate(new ClassFileImporter().importClasses(ReadsTheBean.class))
                        .hasViolation())
                .isFalse();
    }

    static class ReadsTheSystemClock {
        LocalDate today() {
            return LocalDate.now();
        }
    }

    static class ReadsTheBean {
        LocalDate today(Clock clock) {
            return LocalDate.now(clock);
        }
    }
}
