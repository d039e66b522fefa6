package dev.tidesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A contact's further addresses as typed on the edit form, and as kept. */
class ExtraEmailsTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "'' | anna@a.example | NULL",
                "'   ' | anna@a.example | NULL",
                "Home@B.example | anna@a.example | home@b.example",
                "home@b.example, HOME@b.example;work@c.example | anna@a.example | home@b.example, work@c.example",
                "anna@a.example, home@b.example | anna@a.example | home@b.example",
                "anna@a.example | anna@a.example | NULL",
                "x@y.example z@w.example | NULL | x@y.example, z@w.example"
            })
    void keptCheckedLowerCasedOnceAndWithoutTheMainAddress(String typed, String main, String kept) {
        assertThat(DirectoryEditor.extraEmails(typed, main)).isEqualTo(kept);
    }

    @ParameterizedTest
    @CsvSource({"not-an-address", "'home@b.example, broken@'", "@nobody.example"})
    void anythingThatIsNotAnAddressIsRefused(String typed) {
        assertThatThrownBy(() -> DirectoryEditor.extraEmails(typed, "anna@a.example"))
                .isInstanceOf(DomainException.class);
    }
}
