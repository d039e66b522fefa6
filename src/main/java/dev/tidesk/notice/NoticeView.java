package dev.tidesk.notice;

import java.time.Instant;
import java.util.List;

/**
 * A notice as the list shows it. A param that starts with {@code #} is a message key (a status
 * name, say) that the page resolves in the reader's language.
 */
public record NoticeView(
        long id, NoticeKind kind, long ticketId, String tid, List<String> params, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** Where the notice leads: its request, at the place it is about. */
    public String href() {
        return "/desk/requests/" + tid + kind.anchor();
    }

    public String messageKey() {
        return "notice.kind." + kind.name();
    }
}
