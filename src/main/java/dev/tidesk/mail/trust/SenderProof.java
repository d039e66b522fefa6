package dev.tidesk.mail.trust;

import dev.tidesk.mail.inbound.MailParser;
import jakarta.mail.internet.InternetHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a mail that claims a staff sender is proven to come from them. Every header may be
 * forged, so a claim counts only when it is (a) sent to the staff member's own reply address for
 * the request, whose token only Tidesk can sign, or (b) vouched for by the receiving mail server:
 * the topmost {@code Authentication-Results} header of the trusted authserv-id (the server adds it
 * above anything the sender wrote) says DMARC passed for the From domain, or DKIM passed for a
 * domain aligned with it.
 */
public final class SenderProof {

    /** Headers that tell where a message was delivered to; forging them gains nothing without the token. */
    private static final String[] RECIPIENT_HEADERS = {"To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"};

    private SenderProof() {}

    /** The request whose reply address of this staff member the mail was sent to, if any. */
    public static Optional<Long> replyAddressTicket(InternetHeaders headers, MailSigning signing, long staffId) {
        for (String name : RECIPIENT_HEADERS) {
            String[] values = headers.getHeader(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                for (String address : MailParser.addresses(value)) {
                    Optional<long[]> token = signing.staffReplyToken(address);
                    if (token.isPresent() && token.get()[1] == staffId) {
                        return Optional.of(token.get()[0]);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The trusted server says DMARC, or DKIM aligned with the From domain, passed for {@code from}. */
    public static boolean authenticated(InternetHeaders headers, String authservId, String from) {
        if (authservId == null || from == null || !from.contains("@")) {
            return false;
        }
        String[] values = headers.getHeader("Authentication-Results");
        if (values == null) {
            return false;
        }
        String domain = from.substring(from.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        for (String value : values) {
            List<String> parts = parts(value);
            if (parts.isEmpty()) {
                continue;
            }
            String id = parts.get(0).split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!id.equals(authservId.toLowerCase(Locale.ROOT))) {
                continue;
            }
            // the topmost header of the trusted server decides; those below it may be the sender's
            for (String result : parts.subList(1, parts.size())) {
                String r = result.toLowerCase(Locale.ROOT);
                if (r.matches("dmarc\\s*=\\s*pass\\b.*") && domain.equals(property(r, "header.from"))) {
                    return true;
                }
                String d = property(r, "header.d");
                if (r.matches("dkim\\s*=\\s*pass\\b.*")
                        && d != null
                        && d.contains(".")
                        && (domain.equals(d) || domain.endsWith("." + d))) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /** The header split at its semicolons, comments removed. */
    private static List<String> parts(String value) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char c : value.replaceAll("\\r?\\n", " ").toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                b.append(c);
            }
        }
        List<String> parts = new ArrayList<>();
        for (String p : b.toString().split(";")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    private static String property(String result, String name) {
        for (String token : result.split("\\s+")) {
            if (token.startsWith(name + "=")) {
                String v = token.substring(name.length() + 1).replace("\"", "");
                return v.contains("@") ? v.substring(v.indexOf('@') + 1) : v;
            }
        }
        return null;
    }
}
