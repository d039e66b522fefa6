package dev.tidesk.routing;

import java.time.LocalDate;

/** A day that differs from the Monday-to-Friday rule. */
public record CalendarDay(LocalDate day, boolean working, String note) {
}
