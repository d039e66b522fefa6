package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.alert.PlanAlert;
import dev.tidesk.contract.alert.PlanAlerts;
import dev.tidesk.contract.alert.StoredAlertView;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** Stored alerts in the workspace: the head and the personal manager see and acknowledge them; others cannot. */
class PlanAlertWebTests extends WebTest {

    @Autowired
    PlanAlerts planAlerts;

    @Test
    void thePersonalManagerAcknowledgesAnOverrunAndWhoAndWhenAreKept() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        ContractFixtures.ManagedOverrun overrun = fixtures.managedOverrun(data);
        TestData.Client client = overrun.client();
        StaffView manager = overrun.manager();
        ContractView c = overrun.contract();
        StoredAlertView alert = overrun.alert();
        assertThat(alert.kind()).isEqualTo(PlanAlert.Kind.OVERRUN);
        String org = client.organization().name();
        String card = "id=\"stored-alert-" + alert.id() + "\"";

        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(get("/desk/contracts/alerts").session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(card)));
        MockHttpSession mine = deskLogin(manager.email());
        mvc.perform(get("/desk/contracts/alerts").session(mine))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(card)))
                .andExpect(content().string(Matchers.containsString(org)));
        MockHttpSession stranger = deskLogin(data.member(Role.MANAGER).email());
        mvc.perform(get("/desk/contracts/alerts").session(stranger))
                .andExpect(content().string(Matchers.not(Matchers.containsString(card))));
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge")
                        .session(stranger)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge")
                        .session(mine))
                .andExpect(status().isForbidden());
        assertThat(planAlerts.open(null)).anyMatch(a -> a.id() == alert.id());

        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge")
                        .session(mine)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(planAlerts.open(null)).noneMatch(a -> a.id() == alert.id());
        assertThat(planAlerts.recentlyAcknowledged(manager.id()))
                .filteredOn(a -> a.id() == alert.id())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.acknowledgedBy()).isEqualTo(manager.fullName());
                    assertThat(a.acknowledgedAt()).isNotNull();
                });
        mvc.perform(get("/desk/contracts/alerts").session(mine))
                .andExpect(content().string(Matchers.not(Matchers.containsString(card))))
                .andExpect(content().string(Matchers.containsString(manager.fullName())));
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity());

        fixtures.closeLastThreeMonths();
        assertThat(planAlerts.open(null))
                .as("a repeated close raises nothing again")
                .noneMatch(a -> a.contractId() == c.id());
    }

    /** A trial review due before any month of the contract is closed says so instead of "an average of 0 h". */
    @Test
    void anAlertBeforeAnyClosedMonthSaysThereIsNone() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client();
        ContractView contract = fixtures.sign(client, PlanCode.ECONOMY, 6);
        StaffView agent = data.agent();
        fixtures.log(fixtures.request(data, client, "Каталог", 2), agent, 2, 9);
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        for (String page : new String[] {
            "/desk/contracts/alerts", "/desk/clients/" + client.organization().id()
        }) {
            String html = mvc.perform(get(page).session(head))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html)
                    .as(page)
                    .contains(client.organization().name())
                    .contains(
                            "Нет закрытых месяцев: среднее по израсходованным часам появится после закрытия первого месяца.")
                    .doesNotContain("В среднем за последние закрытые месяцы: 0 ч");
        }
        assertThat(contract.periods().get(0).planCode()).isEqualTo(PlanCode.ECONOMY);
    }
}
