package dev.tidesk.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * What went wrong with a mailbox, in a word the page translates ({@code mail.error.<word>}): never the
 * exception's text, which would tell the page's reader about hosts and ports inside the network. The
 * full exception goes to the log.
 */
final class MailboxErrors {

    static final Set<String> WORDS = Set.of("auth", "host", "refused", "timeout", "tls", "folder", "other");

    private MailboxErrors() {}

    static String word(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return "auth";
            }
            if (t instanceof UnknownHostException) {
                return "host";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (t instanceof SSLException) {
                return "tls";
            }
            if (t instanceof FolderNotFoundException) {
                return "folder";
            }
        }
        return "other";
    }

    /** The word of a stored error; errors stored in words by older versions read as "other". */
    static String wordOf(String stored) {
        return stored == null ? null : WORDS.contains(stored) ? stored : "other";
    }
}
