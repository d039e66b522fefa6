package dev.tidesk.mail;

public record InboundFile(String filename, String contentType, byte[] content) {}
