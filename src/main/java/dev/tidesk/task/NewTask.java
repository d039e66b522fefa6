package dev.tidesk.task;

import java.math.BigDecimal;

import dev.tidesk.team.Specialty;

/** What an agent fills in to give work to a specialist. */
public record NewTask(long ticketId, Specialty specialty, long assigneeId, String title, String description,
        BigDecimal estimateHours, Environment environment) {
}
