package dev.tidesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.mail.trust.ReferenceMarker;
import dev.tidesk.mail.trust.SecretBox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reply prefixes and the TID of a subject; the signed body marker. */
class SubjectsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
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

    /** The keys of an installation come from its secret key, made at random on first start. */
    static MailSigning signing(byte[] secretKey, String... previousMarkerSecrets) {
        return new MailSigning(
                new SecretBox(secretKey),
                new MailSettings(null, null, null, null, 0, null, null, null, 0),
                new InboundSettings(0, 0, 0, 0, null, null, null, List.of(previousMarkerSecrets), null, null, null));
    }

    @Test
    void markersThreadIdsAndReplyAddressesComeFromTheSecretKeyAndOldMarkersStillVerify(@TempDir Path dir)
            throws Exception {
        Path keyFile = dir.resolve("tidesk-secret.key");
        MailSigning installation = signing(SecretBox.fromFile(keyFile));
        assertThat(keyFile).exists();
        // the same key file, read again at the next start: the same markers
        MailSigning restarted = signing(SecretBox.fromFile(keyFile));
        assertThat(restarted.marker().of(42)).isEqualTo(installation.marker().of(42));
        assertThat(restarted.threadId(42)).isEqualTo(installation.threadId(42));
        // another installation cannot make them, and nobody can with the former default secret
        MailSigning other = signing(SecretBox.fromFile(dir.resolve("other.key")));
        assertThat(other.marker().of(42)).isNotEqualTo(installation.marker().of(42));
        assertThat(installation.marker().of(42)).isNotEqualTo(new ReferenceMarker("tidesk").of(42));
        assertThat(installation.marker().find(new ReferenceMarker("tidesk").of(42)))
                .isEmpty();
        // markers sent before, with the secret configured then, still verify
        MailSigning upgraded = signing(SecretBox.fromFile(keyFile), "tidesk");
        assertThat(upgraded.marker().find("> " + new ReferenceMarker("tidesk").of(42)))
                .hasValue(42);
        // Message-IDs are random
        assertThat(installation.newMessageId())
                .isNotEqualTo(installation.newMessageId())
                .matches("<[0-9a-f]{32}@tidesk\\.local>");
        // a reply address belongs to one person and one request
        String address = installation.staffReplyAddress(7, 42);
        assertThat(installation.staffReplyToken(address))
                .hasValueSatisfying(t -> assertThat(t).containsExactly(42, 7));
        assertThat(installation.staffReplyToken(address.replace("42-7-", "43-7-")))
                .isEmpty();
        assertThat(installation.staffReplyToken(address.replace("42-7-", "42-8-")))
                .isEmpty();
        assertThat(other.staffReplyToken(address)).isEmpty();
    }
}
