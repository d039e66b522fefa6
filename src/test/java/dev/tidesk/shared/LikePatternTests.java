package dev.tidesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What was typed becomes a pattern that finds it as text: wildcards and the escape are letters. */
class LikePatternTests {

    @Test
    void theTypedTextIsFoundAnywhereInLowerCaseWithItsWildcardsEscaped() {
        assertThat(LikePattern.containing(" Ромашка ")).isEqualTo("%ромашка%");
        assertThat(LikePattern.containing("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
        assertThat(LikePattern.containing(null)).isEqualTo("%%");
    }
}
