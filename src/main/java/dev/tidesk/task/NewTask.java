package dev.tidesk.task;

import dev.tidesk.team.Specialty;
import java.math.BigDecimal;

/** What an agent fills in to give work to a specialist. */
public record NewTask(
        long ticketId,
        Specialty specialty,
        long assigneeId,
        String title,
        String description,
        BigDecimal estimateHours,
        Environment environment) {}
