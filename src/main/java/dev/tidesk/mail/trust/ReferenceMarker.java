package dev.tidesk.mail.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference our notifications carry in their body ({@code ref:tidesk-42-1a2b3c4d5e}): when a
 * mail program drops In-Reply-To and References, the quoted body still tells the request. Signed
 * with a key derived from the installation's secret key, so that a marker cannot be made up for
 * another request. Markers signed with an earlier secret (before the key existed) still verify;
 * like every way into a request they are subject to the threading rule (who may write there).
 */
public final class ReferenceMarker {

    private static final Pattern MARKER = Pattern.compile("ref:tidesk-(\\d{1,18})-([0-9a-f]{10})");

    private final SecretKeySpec key;
    private final List<SecretKeySpec> previous = new ArrayList<>();
    /** A Mac per thread and key: looking one up costs more than signing, and one Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs;

    public ReferenceMarker(byte[] key, List<String> previousSecrets) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        for (String secret : previousSecrets) {
            if (secret != null && !secret.isBlank()) {
                previous.add(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            }
        }
        this.macs = ThreadLocal.withInitial(() -> mac(this.key));
    }

    /** Only for tests and for a marker secret given as text. */
    public ReferenceMarker(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8), List.of());
    }

    public String of(long ticketId) {
        return "ref:tidesk-" + ticketId + "-" + sign(macs.get(), ticketId);
    }

    public OptionalLong find(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (sign(macs.get(), id).equals(m.group(2))) {
                return OptionalLong.of(id);
            }
            for (SecretKeySpec old : previous) {
                if (sign(mac(old), id).equals(m.group(2))) {
                    return OptionalLong.of(id);
                }
            }
        }
        return OptionalLong.empty();
    }

    private static String sign(Mac mac, long ticketId) {
        return HexFormat.of()
                .formatHex(mac.doFinal(Long.toString(ticketId).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 10);
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
