package dev.tidesk.contract.ledger;

import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.TermsPeriodView;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the monthly акт of a client for a closed month. The first time a month's акт is asked for
 * it gets the next number of its year (the year of the month it covers) and the month's last day as
 * its date; every later download shows the same number and date. Numbers are taken under a lock on
 * the year's counter row, so two clients' first downloads at the same moment never share one and
 * no number is skipped.
 */
@NamedInterface("ledger")
@Service
public class Acts {

    private final Ledgers ledgers;
    private final Agency agency;
    private final Customers customers;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Acts(Ledgers ledgers, Agency agency, Customers customers, JdbcTemplate jdbc, Clock clock) {
        this.ledgers = ledgers;
        this.agency = agency;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The акт of the organization for {@code month}: 404 when its contract did not run that month,
     * a domain error while the month is still open (its hours may change until the close).
     */
    @Transactional
    public Act act(long organizationId, YearMonth month) {
        Statement statement = ledgers.findStatement(organizationId, month)
                .orElseThrow(() -> new NotFoundException("No statement for " + month));
        if (!statement.ledger().closed()) {
            throw new DomainException(
                    "contract.act.error.open", "The act is made for a closed month only: " + month, month.toString());
        }
        Number number = issue(organizationId, month);
        return new Act(
                number.number(),
                number.year(),
                number.date(),
                agency.requisites(),
                statement.organizationName(),
                customers.requisitesOf(organizationId),
                termsIn(statement.contract(), month),
                statement);
    }

    private record Number(int year, int number, LocalDate date) {}

    private Number issue(long organizationId, YearMonth month) {
        Optional<Number> issued = issued(organizationId, month);
        if (issued.isPresent()) {
            return issued.get();
        }
        int year = month.getYear();
        jdbc.update(
                "insert into statement_act_year (year, last_number) values (?, 0) on conflict (year) do nothing", year);
        // every first issue of the year waits here for the one before it to commit
        int last = jdbc.queryForObject(
                "select last_number from statement_act_year where year = ? for update", Integer.class, year);
        issued = issued(organizationId, month);
        if (issued.isPresent()) {
            return issued.get();
        }
        LocalDate date = month.atEndOfMonth();
        jdbc.update("update statement_act_year set last_number = ? where year = ?", last + 1, year);
        jdbc.update(
                """
                insert into statement_act (organization_id, month, year, number, act_date, issued_at)
                values (?, ?, ?, ?, ?, ?)
                """,
                organizationId,
                Date.valueOf(month.atDay(1)),
                year,
                last + 1,
                Date.valueOf(date),
                Timestamp.from(Instant.now(clock)));
        return new Number(year, last + 1, date);
    }

    private Optional<Number> issued(long organizationId, YearMonth month) {
        return jdbc
                .query(
                        "select year, number, act_date from statement_act where organization_id = ? and month = ?",
                        (rs, i) -> new Number(
                                rs.getInt(1), rs.getInt(2), rs.getDate(3).toLocalDate()),
                        organizationId,
                        Date.valueOf(month.atDay(1)))
                .stream()
                .findFirst();
    }

    /** The plan in force in the month: the latest change that took effect by then. */
    static TermsPeriodView termsIn(ContractView contract, YearMonth month) {
        List<TermsPeriodView> periods = contract.periods();
        return periods.stream()
                .filter(p -> !p.effectiveFrom().isAfter(month))
                .max(Comparator.comparing(TermsPeriodView::effectiveFrom))
                .orElse(contract.current());
    }
}
