package dev.tidesk.contract;

/** A client's {@link ContractTerms} changed: a contract was signed, its plan or manager changed, or it ended. */
public record ContractTermsChanged(long organizationId) {}
