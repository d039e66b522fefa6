package dev.tidesk.canned;

/** A canned reply as its form sends it, checked by the form; {@code shared}: for everyone. */
public record CannedReplyDraft(String title, String body, String language, boolean shared) {}
