package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an agent may type as an address to copy on a request: one plain address, kept in lower case.
 * It becomes a mail's recipient, so anything that could carry a second address or a header is refused.
 */
class CcAddressTests {

    @ParameterizedTest
    @CsvSource({
        "m.ivanova@romashka.example, m.ivanova@romashka.example",
        "'  Ivan.Petrov+sales@Romashka.RU ', ivan.petrov+sales@romashka.ru",
        "buh@mail.romashka-group.example, buh@mail.romashka-group.example",
        "o'brien@agency.example, o'brien@agency.example"
    })
    void aPlainAddressIsKeptInLowerCase(String typed, String kept) {
        assertThat(CcList.valid(typed)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "romashka.example",
                "a@b",
                "a@@b.example",
                "a b@romashka.example",
                "Anna <anna@romashka.example>",
                "<anna@romashka.example>",
                "anna@romashka.example, boss@evil.example",
                "anna@romashka.example;boss@evil.example",
                "anna@romashka.example\r\nBcc: boss@evil.example",
                "anna@romashka.example\nBcc: boss@evil.example",
                "anna@-romashka.example",
                "anna@romashka-.example",
                "\"anna\"@romashka.example",
                "anna@[127.0.0.1]"
            })
    void anythingElseIsRefused(String typed) {
        assertThatThrownBy(() -> CcList.valid(typed))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("error.cc.address");
    }

    @org.junit.jupiter.api.Test
    void aVeryLongAddressIsRefused() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "example";
        assertThatThrownBy(() -> CcList.valid(local + "@" + domain)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> CcList.valid("a".repeat(65) + "@romashka.example"))
                .isInstanceOf(DomainException.class);
    }

    @org.junit.jupiter.api.Test
    void theLabelNamesThePersonWhenTheNameIsNotTheAddress() {
        assertThat(new CcEntry("anna@romashka.example", "Анна Волкова", 1L, null).label())
                .isEqualTo("Анна Волкова <anna@romashka.example>");
        assertThat(new CcEntry("anna@romashka.example", "anna@romashka.example", null, null).label())
                .isEqualTo("anna@romashka.example");
    }

    @org.junit.jupiter.api.Test
    void aSuggestionShowsANameOnlyWhenItIsNotTheAddress() {
        assertThat(new CcSuggestion("anna@romashka.example", 1L, "Анна Волкова", null).hasName())
                .isTrue();
        assertThat(new CcSuggestion("anna@romashka.example", 1L, "ANNA@romashka.example", null).hasName())
                .isFalse();
        assertThat(new CcSuggestion("anna@romashka.example", null, " ", null).hasName())
                .isFalse();
        assertThat(new CcSuggestion("anna@romashka.example", null, null, null).hasName())
                .isFalse();
    }
}
