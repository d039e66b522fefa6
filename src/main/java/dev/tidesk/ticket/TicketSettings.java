package dev.tidesk.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tidPrefix          what a TID starts with (default {@code TID-})
 * @param maxAttachmentBytes the largest file accepted with a message
 */
@ConfigurationProperties("tidesk.ticket")
public record TicketSettings(String tidPrefix, long maxAttachmentBytes) {

    public TicketSettings {
        tidPrefix = tidPrefix == null || tidPrefix.isBlank() ? "TID-" : tidPrefix;
        maxAttachmentBytes = maxAttachmentBytes <= 0 ? 10 * 1024 * 1024 : maxAttachmentBytes;
    }
}
