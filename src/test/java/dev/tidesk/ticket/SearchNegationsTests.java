package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.ticket.RequestQueries.Negations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a search leaves out with a minus, read as {@code websearch_to_tsquery} reads them. */
class SearchNegationsTests {

    @Test
    void aMinusThatStartsAWordOrAPhraseLeavesItOut() {
        assertThat(Negations.of("ошибка -updates")).isEqualTo(new Negations("ошибка  ", List.of("updates")));
        assertThat(Negations.of("-сайт форма")).isEqualTo(new Negations("  форма", List.of("сайт")));
        assertThat(Negations.of("ошибка -\"личный кабинет\" -x"))
                .isEqualTo(new Negations("ошибка    ", List.of("\"личный кабинет\"", "x")));
        // an unclosed phrase goes on to the end, as the parser reads it
        assertThat(Negations.of("ошибка -\"личный кабинет"))
                .isEqualTo(new Negations("ошибка  ", List.of("\"личный кабинет\"")));
    }

    @Test
    void aMinusInsideAWordOrAPhraseOrOnItsOwnLeavesNothingOut() {
        for (String text :
                List.of("что-то", "онлайн-запись сайта", "\"сайт -форма\"", "сайт - форма", "сайт --форма", "сайт -")) {
            assertThat(Negations.of(text)).as(text).isEqualTo(new Negations(text, List.of()));
        }
    }
}
