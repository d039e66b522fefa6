package dev.tidesk.identity;

/** A sign-in attempt was refused for too many failures (from {@code address}, or for {@code login}). */
public record SignInThrottled(String login, String address) {}
