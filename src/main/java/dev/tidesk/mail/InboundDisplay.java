package dev.tidesk.mail;

import java.util.List;

/**
 * An inbound message for staff to read.
 *
 * @param html          sanitized HTML, or null; remote images are blocked unless asked for
 * @param remoteBlocked how many remote images were blocked
 * @param text          the text body; {@code quoted} is the part of it that is quoted history
 */
public record InboundDisplay(InboundView mail, String fromName, String html, int remoteBlocked, String text,
        String quoted, List<File> files, List<String> warnings, String loopVerdict) {

    public record File(int index, String filename, String contentType, int size, boolean inline) {
    }
}
