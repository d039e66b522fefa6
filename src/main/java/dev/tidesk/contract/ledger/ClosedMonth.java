package dev.tidesk.contract.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A month frozen by the monthly close: included and used as they were at the close. */
@Entity
@Table(name = "ledger_month")
public class ClosedMonth {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long contractId;
    private LocalDate month;
    private int includedMinutes;
    private int usedMinutes;
    private Instant closedAt;

    protected ClosedMonth() {}

    long getContractId() {
        return contractId;
    }

    public YearMonth month() {
        return YearMonth.from(month);
    }

    int getIncludedMinutes() {
        return includedMinutes;
    }

    int getUsedMinutes() {
        return usedMinutes;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
