package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags are stored trimmed, lower-cased, with one space between words, and short. */
class TagNormalizationTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "оплата | оплата",
                "  Оплата  | оплата",
                "ОПЛАТА КАРТОЙ | оплата картой",
                "1С   Битрикс\t | 1с битрикс",
                "SEO | seo"
            })
    void normalized(String typed, String stored) {
        assertThat(RequestTags.normalize(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void anEmptyTagIsRefused(String typed) {
        assertThatThrownBy(() -> RequestTags.normalize(typed))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.tag.empty");
    }

    @ParameterizedTest
    @ValueSource(ints = {RequestTags.MAX_LENGTH + 1, 200})
    void aLongTagIsRefused(int length) {
        assertThatThrownBy(() -> RequestTags.normalize("я".repeat(length))).isInstanceOf(DomainException.class);
        assertThat(RequestTags.normalize("я".repeat(RequestTags.MAX_LENGTH))).hasSize(RequestTags.MAX_LENGTH);
    }
}
