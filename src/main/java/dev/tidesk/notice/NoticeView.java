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

    /**
     * The arguments of {@link #messageKey()}: the TID, then the params, a param that is a message key
     * resolved by {@code keyText} (in the reader's language).
     */
    public Object[] arguments(java.util.function.Function<String, String> keyText) {
        Object[] args = new Object[params.size() + 1];
        args[0] = tid;
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            args[i + 1] = p.startsWith("#") ? keyText.apply(p.substring(1)) : p;
        }
        return args;
    }
}
