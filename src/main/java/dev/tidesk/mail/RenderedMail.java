package dev.tidesk.mail;

record RenderedMail(String subject, String text, String html) {}
