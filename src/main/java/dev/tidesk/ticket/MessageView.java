package dev.tidesk.ticket;

import java.time.Instant;
import java.util.List;

public record MessageView(
        long id,
        MessageKind kind,
        String authorName,
        boolean fromStaff,
        String body,
        Instant createdAt,
        List<AttachmentView> attachments) {}
