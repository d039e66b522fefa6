package dev.tidesk.notice;

/**
 * What a notice tells; its text is the message key {@code notice.kind.<KIND>} with the TID as
 * {0} and the notice's params after it, and it links to {@code anchor} on the request page.
 */
public enum NoticeKind {
    /** a request entered the unassigned queue (agents on duty) */
    NEW_REQUEST(""),
    /** a Premium client's request is held for their personal manager */
    HELD_FOR_YOU(""),
    CLIENT_REPLIED("#conversation"),
    /** the client's reply came with files */
    CLIENT_FILES("#conversation"),
    TASK_STATUS("#tasks"),
    SLA_WARNING(""),
    /** a colleague, the head or auto-assignment gave me the request */
    ASSIGNED_TO_YOU(""),
    MENTION("#conversation"),
    DEFERRAL_ACCEPTED(""),
    DEFERRAL_DECLINED(""),
    TEST_COPY_ACCEPTED("#tasks"),
    TEST_COPY_DECLINED("#tasks"),
    /** the client answered "Вопрос решён?" with no (heads and the client's personal manager) */
    BAD_RATING("#rating");

    private final String anchor;

    NoticeKind(String anchor) {
        this.anchor = anchor;
    }

    public String anchor() {
        return anchor;
    }
}
