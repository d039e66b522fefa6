package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A hyphenated word is asked for as the one lexeme of the whole word; other phrases stay phrases. */
class HyphenatedQueryTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "'онлайн-запис' <-> 'онлайн' <-> 'запис';'онлайн-запис'",
                "('онлайн-запис' <-> 'онлайн' <-> 'запис') | ('онлайн-запись' <-> 'онлайн' <-> 'запись')"
                        + ";('онлайн-запис') | ('онлайн-запись')",
                "'wi-fi-точк' <-> 'wi' <-> 'fi' <-> 'точк';'wi-fi-точк'",
                "'онлайн-запис' <-> 'онлайн' <-> 'запис' & 'сайт';'онлайн-запис' & 'сайт'",
                // a phrase that goes on past the word's parts is left as typed
                "'онлайн-запис' <-> 'онлайн' <-> 'запис' <-> 'работа';'онлайн-запис' <-> 'онлайн' <-> 'запис' <-> 'работа'",
                "'личн' <-> 'кабинет';'личн' <-> 'кабинет'",
                "'сайт' & 'форм';'сайт' & 'форм'"
            })
    void asksForTheWholeWord(String tsquery, String expected) {
        assertThat(RequestQueries.hyphenatedAsOne(tsquery)).isEqualTo(expected);
    }
}
