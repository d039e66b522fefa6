package dev.tidesk.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratorOptionsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --orgs 1000 --requests 1000000                 | 1000 | 1000000 | 42
            --orgs 5 --requests 1_000 --seed 7             | 5    | 1000    | 7
            --orgs=12 --requests=300 --seed=-3             | 12   | 300     | -3
            --seed 9                                       | 1000 | 1000000 | 9
            """)
    void readsTheCommandLine(String line, int orgs, int requests, long seed) {
        GeneratorOptions o = GeneratorOptions.parse(List.of(line.trim().split("\\s+")));
        assertThat(o.organizations()).isEqualTo(orgs);
        assertThat(o.requests()).isEqualTo(requests);
        assertThat(o.seed()).isEqualTo(seed);
        assertThat(o.years()).isEqualTo(3);
        assertThat(o.password()).isEqualTo(GeneratorOptions.DEFAULT_PASSWORD);
        assertThat(o.until()).as("the generator ends on its clock's today").isNull();
        assertThat(o.until(LocalDate.of(2026, 3, 1)).until()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void untilYearsPasswordAndDomain() {
        GeneratorOptions o = GeneratorOptions.parse(
                List.of("--until", "2025-06-01", "--years", "2", "--password", "pw-123456", "--domain", "x.example"));
        assertThat(o.until()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(o.years()).isEqualTo(2);
        assertThat(o.password()).isEqualTo("pw-123456");
        assertThat(o.domain()).isEqualTo("x.example");
    }

    @Test
    void theCommandIsTheFirstArgument() {
        assertThat(GenerateCommand.requested(new String[] {"generate", "--orgs", "1"}))
                .isTrue();
        assertThat(GenerateCommand.requested(new String[] {"--demo"})).isFalse();
        assertThat(GenerateCommand.requested(new String[0])).isFalse();
        assertThatThrownBy(() -> GeneratorOptions.parse(List.of("--orgs", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
