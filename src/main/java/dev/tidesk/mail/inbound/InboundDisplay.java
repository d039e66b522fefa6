package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundView;
import java.util.List;

/**
 * An inbound message for staff to read.
 *
 * @param html          sanitized HTML, or null; remote images are blocked unless asked for
 * @param remoteBlocked how many remote images were blocked
 * @param text          the text body; {@code quoted} is the part of it that is quoted history
 * @param loopVerdict   what the loop rules take the message for: PERSON, AUTOMATIC, BOUNCE or OWN
 * @param loopReason    the header or sender that decided it, or null for a person's mail
 */
public record InboundDisplay(
        InboundView mail,
        String fromName,
        String html,
        int remoteBlocked,
        String text,
        String quoted,
        List<File> files,
        List<String> warnings,
        String loopVerdict,
        String loopReason) {

    public record File(int index, String filename, String contentType, int size, boolean inline) {}
}
