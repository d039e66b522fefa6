package dev.tidesk.routing;

import java.time.LocalDate;

/**
 * A day that differs from Monday to Friday: a day off by the Labour Code's rule ({@code rule}, not
 * {@code stored}), or a day admins stored (a decree transfer, a working Saturday), which overrides
 * the rule when both fall on it ({@code rule} then tells what it overrides).
 */
public record CalendarDay(LocalDate day, boolean working, String note, boolean stored, LabourCode.DayOff rule) {}
