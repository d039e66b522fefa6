package dev.tidesk.contract.deferral;

import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/** The client accepted or declined doing a request next month (in the portal or by the e-mail link). */
@NamedInterface("deferral")
public record DeferralAnswered(long deferralId, long ticketId, boolean accepted, YearMonth targetMonth) {}
