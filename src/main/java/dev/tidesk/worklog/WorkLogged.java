package dev.tidesk.worklog;

import java.time.LocalDate;

/** An entry was logged or changed; {@code previousDay} is the day it had before an edit (else null). */
public record WorkLogged(long entryId, long ticketId, Long organizationId, LocalDate day, LocalDate previousDay) {}
