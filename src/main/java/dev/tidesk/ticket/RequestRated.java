package dev.tidesk.ticket;

/**
 * The client answered "Вопрос решён?" on a resolved request: {@code good} or not, with the agent who had
 * it and its organization.
 */
public record RequestRated(
        long ticketId, String tid, boolean good, String comment, Long agentId, Long organizationId) {}
