package dev.tidesk.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reply prefixes and the TID of a subject; the signed body marker. */
class SubjectsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Re: Корзина                          | Корзина       | ",
        "RE: RE: Fwd: Корзина                 | Корзина       | ",
        "AW: WG: Корзина                      | Корзина       | ",
        "Ответ: Корзина                       | Корзина       | ",
        "Отв: НА: Корзина                     | Корзина       | ",
        "Re[2]: Корзина                       | Корзина       | ",
        "Re: [TID-42] Новый ответ: Корзина    | Новый ответ: Корзина | TID-42",
        "[tid-7] Re: Корзина                  | Корзина       | TID-7",
        "Reply needed                         | Reply needed  | ",
        "Наши отв. исправления                | Наши отв. исправления | ",
        "TID-42 without brackets              | TID-42 without brackets | ",
    })
    void stripsPrefixesAndFindsTheTid(String subject, String forRequest, String tid) {
        assertThat(Subjects.forRequest(subject, "TID-")).isEqualTo(forRequest);
        assertThat(Subjects.tid(subject, "TID-").orElse(null)).isEqualTo(tid);
    }

    @Test
    void theBodyMarkerIsSignedSoItCannotBeMadeUpForAnotherRequest() {
        ReferenceMarker marker = new ReferenceMarker("secret");
        String ref = marker.of(42);
        assertThat(marker.find("> quoted\n> " + ref + "\n")).hasValue(42);
        assertThat(marker.find(ref.replace("-42-", "-43-"))).isEmpty();
        assertThat(new ReferenceMarker("other").find(ref)).isEmpty();
    }
}
