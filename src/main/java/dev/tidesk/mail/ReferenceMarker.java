package dev.tidesk.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference our notifications carry in their body ({@code ref:tidesk-42-1a2b3c4d5e}): when a
 * mail program drops In-Reply-To and References, the quoted body still tells the request. Signed,
 * so that a marker cannot be made up for another request.
 */
final class ReferenceMarker {

    private static final Pattern MARKER = Pattern.compile("ref:tidesk-(\\d{1,18})-([0-9a-f]{10})");

    private final SecretKeySpec key;
    /** A Mac per thread: looking one up costs more than signing, and one Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

    ReferenceMarker(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String of(long ticketId) {
        return "ref:tidesk-" + ticketId + "-" + sign(ticketId);
    }

    OptionalLong find(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (sign(id).equals(m.group(2))) {
                return OptionalLong.of(id);
            }
        }
        return OptionalLong.empty();
    }

    private String sign(long ticketId) {
        return HexFormat.of().formatHex(macs.get().doFinal(Long.toString(ticketId).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 10);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
