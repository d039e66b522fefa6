package dev.tidesk.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routing's copy of each client's terms: the plan tier, the personal manager, the SLA targets and
 * whether all work goes via the test copy. Fed by the contract module; a client without a row is
 * a one-off client.
 */
@Service
@Transactional(readOnly = true)
public class ClientTermsBook {

    private final JdbcTemplate jdbc;

    ClientTermsBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets (or replaces) the client's terms; a null {@code tierRank} removes them (one-off client). */
    @Transactional
    public void update(
            long organizationId,
            Integer tierRank,
            Long personalManagerId,
            Integer firstResponseHours,
            Integer resolutionHours,
            boolean testCopyOnly) {
        readInThisTransaction().remove(organizationId);
        if (tierRank == null || tierRank == ClientTerms.ONE_OFF) {
            jdbc.update("delete from routing_client_terms where organization_id = ?", organizationId);
            requeue(organizationId, ClientTerms.ONE_OFF);
            return;
        }
        jdbc.update(
                """
                insert into routing_client_terms (organization_id, tier_rank, personal_manager_id, first_response_hours,
                    resolution_hours, test_copy_only, updated_at)
                values (?, ?, ?, ?, ?, ?, now())
                on conflict (organization_id) do update set tier_rank = excluded.tier_rank,
                    personal_manager_id = excluded.personal_manager_id, first_response_hours = excluded.first_response_hours,
                    resolution_hours = excluded.resolution_hours, test_copy_only = excluded.test_copy_only, updated_at = now()
                """, organizationId, tierRank, personalManagerId, firstResponseHours, resolutionHours, testCopyOnly);
        requeue(organizationId, tierRank);
    }

    /** The client's open requests move to their new tier's place in the queue. */
    private void requeue(long organizationId, int tierRank) {
        jdbc.update(
                "update routing_request set tier_rank = ? where organization_id = ? and stopped_at is null and tier_rank <> ?",
                tierRank,
                organizationId,
                tierRank);
    }

    /**
     * The client's terms. Read once per transaction: opening a request asks for them twice (its SLA
     * clock and its routing), and a changed row is dropped from the memo by {@link #update}.
     */
    public Optional<ClientTerms> terms(Long organizationId) {
        if (organizationId == null) {
            return Optional.empty();
        }
        Map<Long, Optional<ClientTerms>> read = readInThisTransaction();
        Optional<ClientTerms> known = read.get(organizationId);
        if (known != null) {
            return known;
        }
        Optional<ClientTerms> found = read(organizationId);
        read.put(organizationId, found);
        return found;
    }

    /** Terms read in the current transaction (none outside one). */
    @SuppressWarnings("unchecked")
    private Map<Long, Optional<ClientTerms>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<Long, Optional<ClientTerms>>) bound;
        }
        Map<Long, Optional<ClientTerms>> read = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, read);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ClientTermsBook.this);
            }
        });
        return read;
    }

    private Optional<ClientTerms> read(long organizationId) {
        List<ClientTerms> found = jdbc.query(
                """
                select organization_id, tier_rank, personal_manager_id, first_response_hours, resolution_hours, test_copy_only
                from routing_client_terms where organization_id = ?""",
                (rs, i) -> new ClientTerms(
                        rs.getLong(1),
                        rs.getInt(2),
                        (Long) rs.getObject(3),
                        (Integer) rs.getObject(4),
                        (Integer) rs.getObject(5),
                        rs.getBoolean(6)),
                organizationId);
        return found.stream().findFirst();
    }

    /** Organizations whose personal manager is this staff member. */
    public List<Long> clientsOf(long managerId) {
        return jdbc.queryForList(
                "select organization_id from routing_client_terms where personal_manager_id = ?",
                Long.class,
                managerId);
    }

    public boolean testCopyOnly(Long organizationId) {
        return terms(organizationId).map(ClientTerms::testCopyOnly).orElse(false);
    }
}
