package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Routing learns a client's tier, manager and test-copy flag from the contract as soon as it is signed. */
class ContractTermsFeedTests extends WebTest {

    @Autowired
    dev.tidesk.TestClock clock;

    @Autowired
    Contracts contracts;

    @Autowired
    ClientTermsBook book;

    @Test
    void signingAPremiumContractGivesTheClientTierAndManagerInRouting() {
        Client client = data.client();
        StaffView manager = data.member(Role.MANAGER);
        assertThat(book.terms(client.organization().id())).isEmpty();

        ContractView contract = contracts.sign(
                client.organization().id(),
                "Д-" + System.nanoTime(),
                LocalDate.now(clock).withDayOfMonth(1),
                PlanCode.PREMIUM,
                manager.id(),
                true,
                null,
                "test");

        assertThat(book.terms(client.organization().id())).hasValueSatisfying(terms -> {
            assertThat(terms.tierRank()).isZero();
            assertThat(terms.personalManagerId()).isEqualTo(manager.id());
            assertThat(terms.testCopyOnly()).isTrue();
        });
        assertThat(contract).isNotNull();
    }
}
