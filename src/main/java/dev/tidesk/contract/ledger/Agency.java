package dev.tidesk.contract.ledger;

import dev.tidesk.shared.Requisites;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency's own requisites: the Исполнитель of every contract, named on the monthly акт. One
 * row, kept by the admin on <b>Администрирование → Реквизиты</b>.
 */
@NamedInterface("ledger")
@Service
@Transactional(readOnly = true)
public class Agency {

    private static final String COLUMNS = "legal_name, inn, kpp, ogrn, address, bank_account, bank_name, bik,"
            + " correspondent_account, signatory_name, signatory_position";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Agency(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Requisites requisites() {
        return jdbc
                .query(
                        "select " + COLUMNS + " from agency_requisites where id = 1",
                        (rs, i) -> new Requisites(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11)))
                .stream()
                .findFirst()
                .orElse(Requisites.none());
    }

    /** Replaces the agency's requisites (the settings form checks them first). */
    @Transactional
    public Requisites change(Requisites r, String actor) {
        jdbc.update(
                """
                insert into agency_requisites (id, %s, updated_at, updated_by)
                values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set
                  legal_name = excluded.legal_name, inn = excluded.inn, kpp = excluded.kpp, ogrn = excluded.ogrn,
                  address = excluded.address, bank_account = excluded.bank_account, bank_name = excluded.bank_name,
                  bik = excluded.bik, correspondent_account = excluded.correspondent_account,
                  signatory_name = excluded.signatory_name, signatory_position = excluded.signatory_position,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """.formatted(COLUMNS),
                r.legalName(),
                r.inn(),
                r.kpp(),
                r.ogrn(),
                r.address(),
                r.bankAccount(),
                r.bankName(),
                r.bik(),
                r.correspondentAccount(),
                r.signatoryName(),
                r.signatoryPosition(),
                Timestamp.from(Instant.now(clock)),
                actor);
        return requisites();
    }
}
