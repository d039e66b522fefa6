package dev.tidesk.contract.deferral;

import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A proposal to do a request next month. Answered once, before it expires; an accepted one returns on the 1st. */
@Entity
class Deferral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long ticketId;
    private long organizationId;
    private LocalDate targetMonth;

    @Enumerated(EnumType.STRING)
    private DeferralStatus status;

    private String tokenHash;
    private Instant expiresAt;
    private String proposedBy;
    private Instant proposedAt;
    private String answeredBy;
    private Instant answeredAt;
    private Instant returnedAt;

    @Version
    private int version;

    protected Deferral() {}

    Deferral(
            long ticketId,
            long organizationId,
            YearMonth targetMonth,
            String tokenHash,
            Instant expiresAt,
            String proposedBy,
            Instant now) {
        this.ticketId = ticketId;
        this.organizationId = organizationId;
        this.targetMonth = targetMonth.atDay(1);
        this.status = DeferralStatus.PROPOSED;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.proposedBy = proposedBy;
        this.proposedAt = now;
    }

    void answer(boolean accept, String who, Instant now) {
        if (status != DeferralStatus.PROPOSED) {
            throw new DomainException("deferral.error.used", "This proposal was answered already");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException("deferral.error.expired", "This link has expired");
        }
        status = accept ? DeferralStatus.ACCEPTED : DeferralStatus.DECLINED;
        answeredBy = who;
        answeredAt = now;
    }

    void returned(Instant now) {
        status = DeferralStatus.RETURNED;
        returnedAt = now;
    }

    DeferralView view() {
        return new DeferralView(
                id,
                ticketId,
                organizationId,
                YearMonth.from(targetMonth),
                status,
                expiresAt,
                proposedBy,
                proposedAt,
                answeredBy,
                answeredAt);
    }

    Long getId() {
        return id;
    }

    long getTicketId() {
        return ticketId;
    }

    long getOrganizationId() {
        return organizationId;
    }

    YearMonth getTargetMonth() {
        return YearMonth.from(targetMonth);
    }

    DeferralStatus getStatus() {
        return status;
    }
}
