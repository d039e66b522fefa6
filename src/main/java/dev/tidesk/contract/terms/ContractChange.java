package dev.tidesk.contract.terms;

import dev.tidesk.contract.ContractChangeView;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** An audited change of a contract. */
@Entity
public class ContractChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long contractId;
    private Instant at;
    private String actor;
    private String field;
    private String fromValue;
    private String toValue;

    protected ContractChange() {}

    ContractChange(long contractId, Instant at, String actor, String field, String fromValue, String toValue) {
        this.contractId = contractId;
        this.at = at;
        this.actor = actor;
        this.field = field;
        this.fromValue = fromValue;
        this.toValue = toValue;
    }

    public ContractChangeView view() {
        return new ContractChangeView(at, actor, field, fromValue, toValue);
    }
}
