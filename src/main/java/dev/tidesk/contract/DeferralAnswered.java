package dev.tidesk.contract;

import java.time.YearMonth;

/** The client accepted or declined doing a request next month (in the portal or by the e-mail link). */
public record DeferralAnswered(long deferralId, long ticketId, boolean accepted, YearMonth targetMonth) {}
