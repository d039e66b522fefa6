package dev.tidesk.canned;

/** A canned reply as lists show it; {@code ownerId} null: shared with everyone. */
public record CannedReplyView(long id, Long ownerId, String language, String title, String body) {

    public boolean shared() {
        return ownerId == null;
    }
}
