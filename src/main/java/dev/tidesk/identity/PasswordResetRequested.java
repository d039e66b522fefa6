package dev.tidesk.identity;

import java.time.Instant;

/**
 * Someone asked for a link to set a new password. Published in the asking transaction, so that
 * the mail is queued exactly when the link is stored. The token is the link's secret: it travels in
 * this event to the mail and nowhere else.
 *
 * @param email      the login, which is the address the link goes to
 * @param staff      whether the link opens the workspace's pages (else the portal's)
 * @param locale     the account's language, for the mail
 * @param invitation whether support opened the account and invites its owner to choose a
 *                   password (else the owner asked for a new one)
 */
public record PasswordResetRequested(
        long accountId,
        String email,
        String displayName,
        boolean staff,
        String locale,
        String token,
        Instant expiresAt,
        boolean invitation) {}
