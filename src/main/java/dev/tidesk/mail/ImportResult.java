package dev.tidesk.mail;

import java.util.List;

/** What an import did: one entry per message; {@code duplicates} were imported before. */
public record ImportResult(List<InboundView> messages, int duplicates) {}
