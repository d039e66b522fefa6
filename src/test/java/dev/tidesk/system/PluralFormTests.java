package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Russian counts take one of three forms: 1 рабочий час, 2 рабочих часа, 5 рабочих часов. */
class PluralFormTests {

    @Test
    void russianHasOneFewAndMany() {
        assertThat(Formats.pluralForm(1, "ru")).isEqualTo("one");
        assertThat(Formats.pluralForm(21, "ru")).isEqualTo("one");
        assertThat(Formats.pluralForm(101, "ru")).isEqualTo("one");
        assertThat(Formats.pluralForm(2, "ru")).isEqualTo("few");
        assertThat(Formats.pluralForm(4, "ru")).isEqualTo("few");
        assertThat(Formats.pluralForm(24, "ru")).isEqualTo("few");
        assertThat(Formats.pluralForm(0, "ru")).isEqualTo("many");
        assertThat(Formats.pluralForm(5, "ru")).isEqualTo("many");
        assertThat(Formats.pluralForm(11, "ru")).isEqualTo("many");
        assertThat(Formats.pluralForm(12, "ru")).isEqualTo("many");
        assertThat(Formats.pluralForm(14, "ru")).isEqualTo("many");
        assertThat(Formats.pluralForm(40, "ru")).isEqualTo("many");
        assertThat(Formats.pluralForm(111, "ru")).isEqualTo("many");
    }

    @Test
    void englishHasOneAndMany() {
        assertThat(Formats.pluralForm(1, "en")).isEqualTo("one");
        assertThat(Formats.pluralForm(2, "en")).isEqualTo("many");
        assertThat(Formats.pluralForm(0, "en")).isEqualTo("many");
    }
}
