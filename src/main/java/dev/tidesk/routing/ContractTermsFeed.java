package dev.tidesk.routing;

import dev.tidesk.contract.ContractTerms;
import dev.tidesk.contract.ContractTermsChanged;
import dev.tidesk.contract.Contracts;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps routing's copy of each client's terms (tier, personal manager, SLA targets, test-copy
 * flag) in step with the contract module: in the transaction of the contract change, so a request
 * that arrives the moment after a signing is already routed by the new terms, and every night for
 * plan changes that take effect on the 1st of a month.
 */
@Component
class ContractTermsFeed {

    private final Contracts contracts;
    private final Customers customers;
    private final ClientTermsBook book;

    ContractTermsFeed(Contracts contracts, Customers customers, ClientTermsBook book) {
        this.contracts = contracts;
        this.customers = customers;
        this.book = book;
    }

    @EventListener
    void on(ContractTermsChanged event) {
        refresh(event.organizationId());
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${tidesk.time-zone:Europe/Moscow}")
    @SchedulerLock(name = "routing-terms-refresh", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    @Transactional
    public void refreshAll() {
        for (OrganizationView organization : customers.organizations()) {
            refresh(organization.id());
        }
    }

    void refresh(long organizationId) {
        ContractTerms terms = contracts.termsOfToday(organizationId);
        book.update(
                organizationId,
                terms.oneOffClient() ? null : terms.tierRank(),
                terms.personalManagerId(),
                terms.firstResponseHours(),
                terms.resolutionHours(),
                terms.testCopyOnly());
    }
}
