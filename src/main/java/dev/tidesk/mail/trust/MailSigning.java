package dev.tidesk.mail.trust;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.MailSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * What Tidesk writes into mail so that it can recognise the answers, none of it guessable: the
 * Message-IDs of its mails (random), the thread id of a request (signed, no database id), the body
 * marker, and the per-person, per-request reply address of staff ({@code support+<token>@...}).
 * Every key is derived from the installation's secret key ({@link SecretBox}), so backing up the key
 * file backs these up too.
 */
@Component
public class MailSigning {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailSettings mail;
    private final ReferenceMarker marker;
    private final SecretKeySpec threadKey;
    private final SecretKeySpec replyKey;
    private final Pattern replyAddress;

    public MailSigning(SecretBox secrets, MailSettings mail, InboundSettings inbound) {
        this.mail = mail;
        this.marker = new ReferenceMarker(secrets.derive("marker"), inbound.previousMarkerSecrets());
        this.threadKey = new SecretKeySpec(secrets.derive("thread"), "HmacSHA256");
        this.replyKey = new SecretKeySpec(secrets.derive("staff-reply"), "HmacSHA256");
        String from = mail.from().toLowerCase(Locale.ROOT);
        int at = from.indexOf('@');
        this.replyAddress = Pattern.compile(Pattern.quote(from.substring(0, at)) + Pattern.quote(mail.replySeparator())
                + "(\\d{1,18})-(\\d{1,18})-([0-9a-f]{16})@" + Pattern.quote(from.substring(at + 1)));
    }

    public ReferenceMarker marker() {
        return marker;
    }

    /** A new Message-ID: 128 random bits in our domain, nothing that tells a database id. */
    public String newMessageId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "<" + HexFormat.of().formatHex(bytes) + "@" + mail.domain() + ">";
    }

    /** The Message-ID every mail of a request refers to, so mail programs thread the conversation. */
    public String threadId(long ticketId) {
        return "<t." + hmac(threadKey, "thread:" + ticketId, 24) + "@" + mail.domain() + ">";
    }

    /** The address a staff member writes to by mail to answer the client of a request as themselves. */
    public String staffReplyAddress(long staffId, long ticketId) {
        String from = mail.from();
        int at = from.indexOf('@');
        return from.substring(0, at) + mail.replySeparator() + ticketId + "-" + staffId + "-"
                + hmac(replyKey, "reply:" + ticketId + ":" + staffId, 16) + from.substring(at);
    }

    /** The request and staff member whose reply address this is, when it is one and its token is right. */
    public Optional<long[]> staffReplyToken(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = replyAddress.matcher(address.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long ticketId = Long.parseLong(m.group(1));
        long staffId = Long.parseLong(m.group(2));
        byte[] expected =
                hmac(replyKey, "reply:" + ticketId + ":" + staffId, 16).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new long[] {ticketId, staffId})
                : Optional.empty();
    }

    private static String hmac(SecretKeySpec key, String value, int hexChars) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of()
                    .formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, hexChars);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
