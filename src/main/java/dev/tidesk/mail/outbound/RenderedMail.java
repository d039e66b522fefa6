package dev.tidesk.mail.outbound;

public record RenderedMail(String subject, String text, String html) {}
