package dev.tidesk.generator;

import java.time.LocalDate;
import java.util.List;

/**
 * What to generate.
 *
 * @param organizations client organizations (each with contacts and sites)
 * @param requests      requests spread over {@code years} before {@code until}
 * @param seed          the same seed, counts and date give the same data
 * @param until         the last day of the generated period (today by default)
 * @param years         how many years of history
 * @param password      the password of every generated login
 * @param domain        the mail domain of generated staff; clients get {@code orgN.<domain>}
 */
public record GeneratorOptions(
        int organizations, int requests, long seed, LocalDate until, int years, String password, String domain) {

    public static final String DEFAULT_PASSWORD = "bench12345";
    public static final String DEFAULT_DOMAIN = "bench.example";

    public GeneratorOptions {
        if (organizations < 1 || requests < 0 || years < 1) {
            throw new IllegalArgumentException("Need at least one organization and one year");
        }
        password = password == null ? DEFAULT_PASSWORD : password;
        domain = domain == null ? DEFAULT_DOMAIN : domain;
    }

    /** The same options ending on {@code day} when no {@code --until} was given. */
    public GeneratorOptions until(LocalDate day) {
        return until != null ? this : new GeneratorOptions(organizations, requests, seed, day, years, password, domain);
    }

    public static GeneratorOptions of(int organizations, int requests, long seed) {
        return new GeneratorOptions(organizations, requests, seed, null, 3, null, null);
    }

    /** Reads {@code --orgs N --requests N --seed N --until YYYY-MM-DD --years N --password P --domain D}. */
    public static GeneratorOptions parse(List<String> args) {
        int orgs = 1000;
        int requests = 1_000_000;
        long seed = 42;
        LocalDate until = null;
        int years = 3;
        String password = null;
        String domain = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value =
                    a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(i + 1) : null);
            boolean consumed = !a.contains("=");
            switch (name) {
                case "--orgs" -> orgs = Integer.parseInt(value);
                case "--requests" -> requests = Integer.parseInt(value.replace("_", ""));
                case "--seed" -> seed = Long.parseLong(value);
                case "--until" -> until = LocalDate.parse(value);
                case "--years" -> years = Integer.parseInt(value);
                case "--password" -> password = value;
                case "--domain" -> domain = value;
                default -> consumed = false;
            }
            if (consumed) {
                i++;
            }
        }
        return new GeneratorOptions(orgs, requests, seed, until, years, password, domain);
    }
}
