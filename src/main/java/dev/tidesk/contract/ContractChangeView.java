package dev.tidesk.contract;

import java.time.Instant;

/** One audited change of a contract. */
public record ContractChangeView(Instant at, String actor, String field, String fromValue, String toValue) {}
