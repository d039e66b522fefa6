package dev.tidesk.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A browser that signed in as a login gets a cookie proving it: a SHA-256 of the account's id and
 * current password hash, which only the server can compute and which changes with the password.
 * {@link LoginThrottle} lets such a browser through while others wait, so the owner is never locked
 * out by someone guessing elsewhere. One cookie per browser, for the login last signed in.
 */
@Component
class DeviceCookies {

    static final String NAME = "tidesk-device";
    private static final Duration MAX_AGE = Duration.ofDays(180);

    private final AccountRepository accounts;

    DeviceCookies(AccountRepository accounts) {
        this.accounts = accounts;
    }

    void issue(TideskUser user, HttpServletRequest request, HttpServletResponse response) {
        accounts.findById(user.accountId()).ifPresent(account -> {
            Cookie cookie = new Cookie(NAME, proof(account));
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setMaxAge((int) MAX_AGE.toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        });
    }

    @Transactional(readOnly = true)
    boolean knows(HttpServletRequest request, String login) {
        String presented = presented(request);
        if (presented == null || login == null || login.isBlank()) {
            return false;
        }
        return accounts.findByLogin(login.strip())
                .map(a -> MessageDigest.isEqual(
                        proof(a).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static String presented(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (NAME.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String proof(Account account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("tidesk-device|" + account.getId() + "|" + account.getPasswordHash())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
