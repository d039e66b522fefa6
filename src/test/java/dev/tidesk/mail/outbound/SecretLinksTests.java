package dev.tidesk.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of single-use link Tidesk mails is masked where staff read a stored mail. */
class SecretLinksTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/password/reset?token=",
                "/portal/deferrals/",
                "/portal/task-links/",
                "/portal/answer/deferral/",
                "/portal/answer/test-copy/",
                "/portal/answer/rating/"
            })
    void theSecretPartOfALinkIsMasked(String path) {
        String token = "Ab3_-x".repeat(7) + "Z";
        String body = "Вопрос решён? https://desk.example" + path + token + "?answer=good";
        assertThat(SecretLinks.mask(body))
                .doesNotContain(token)
                .isEqualTo("Вопрос решён? https://desk.example" + path + SecretLinks.MASK + "?answer=good");
    }
}
