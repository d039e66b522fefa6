package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
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
        mvc.perform(get("/desk/contracts/alerts").session(head)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(card)));
        MockHttpSession mine = deskLogin(manager.email());
        mvc.perform(get("/desk/contracts/alerts").session(mine)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(card)))
                .andExpect(content().string(Matchers.containsString(org)));
        MockHttpSession stranger = deskLogin(data.member(Role.MANAGER).email());
        mvc.perform(get("/desk/contracts/alerts").session(stranger))
                .andExpect(content().string(Matchers.not(Matchers.containsString(card))));
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge").session(stranger).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge").session(mine))
                .andExpect(status().isForbidden());
        assertThat(planAlerts.open(null)).anyMatch(a -> a.id() == alert.id());

        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge").session(mine).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(planAlerts.open(null)).noneMatch(a -> a.id() == alert.id());
        assertThat(planAlerts.recentlyAcknowledged(manager.id())).filteredOn(a -> a.id() == alert.id()).singleElement()
                .satisfies(a -> {
                    assertThat(a.acknowledgedBy()).isEqualTo(manager.fullName());
                    assertThat(a.acknowledgedAt()).isNotNull();
                });
        mvc.perform(get("/desk/contracts/alerts").session(mine))
                .andExpect(content().string(Matchers.not(Matchers.containsString(card))))
                .andExpect(content().string(Matchers.containsString(manager.fullName())));
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge").session(head).with(csrf()))
                .andExpect(status().isUnprocessableEntity());

        fixtures.closeLastThreeMonths();
        assertThat(planAlerts.open(null)).as("a repeated close raises nothing again")
                .noneMatch(a -> a.contractId() == c.id());
    }
}
