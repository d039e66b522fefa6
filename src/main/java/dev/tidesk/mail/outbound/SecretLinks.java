package dev.tidesk.mail.outbound;

import java.util.regex.Pattern;

/**
 * Single-use links (a new password, an invitation, a deferral or a test copy to answer) open
 * something for whoever holds them, so only the recipient's mail carries them. Every view of a
 * stored mail for someone else (the outbox pages) shows them masked.
 */
final class SecretLinks {

    static final String MASK = "••••••••";

    /** The secret part of each kind of link Tidesk mails: what follows these paths, up to a delimiter. */
    private static final Pattern SECRET =
            Pattern.compile("(/password/reset\\?token=|/portal/deferrals/|/portal/task-links/|/portal/answer/deferral/"
                    + "|/portal/answer/test-copy/|/portal/answer/rating/)[A-Za-z0-9_%\\-]+");

    private SecretLinks() {}

    static String mask(String body) {
        return body == null ? null : SECRET.matcher(body).replaceAll("$1" + MASK);
    }
}
