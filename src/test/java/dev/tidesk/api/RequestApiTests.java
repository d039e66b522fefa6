package dev.tidesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.mail.Outbox;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class RequestApiTests extends WebTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    RequestQueries queries;

    @Autowired
    Outbox outbox;

    @Test
    void anIntegrationOpensARequestForAContactByEmailAndReadsIt() throws Exception {
        Client client = data.client();
        String token = tokens.issue(accountOf(data.agent().email()), "site monitoring");

        String location = mvc.perform(post("/api/v1/requests")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"contactEmail": "%s", "subject": "Сайт недоступен (мониторинг)", "body": "HTTP 503 три проверки подряд", "urgency": "CRITICAL"}
                        """.formatted(client.contact().email())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/requests/TID-")))
                .andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.urgency").value("CRITICAL"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String tid = location.substring(location.lastIndexOf('/') + 1);

        TicketView ticket = queries.byTid(tid);
        assertThat(ticket.channel()).isEqualTo(Channel.API);
        assertThat(ticket.organizationId()).isEqualTo(client.organization().id());
        assertThat(outbox.ofRequest(ticket.id())).hasSize(1);
        mvc.perform(get(location).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tid").value(tid))
                .andExpect(jsonPath("$.status").value("NEW"));
        mvc.perform(post(location + "/replies")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"Перезапустили сервер\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void badCallsGetProblemDetailsAndCreateNothing() throws Exception {
        Client client = data.client();
        String token = tokens.issue(accountOf(data.agent().email()), "bad calls");
        mvc.perform(post("/api/v1/requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", "Bearer tdk_forged")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactId\": " + client.contact().id() + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("subject")));
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactEmail\": \"nobody@nowhere.example\", \"subject\": \"s\", \"body\": \"b\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("not json"))
                .andExpect(status().isBadRequest());
        assertThat(queries.organizationRequests(client.organization().id(), "", "", 0, 10)
                        .getTotalElements())
                .isZero();
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        long account = accountOf(data.agent().email());
        String token = tokens.issue(account, "old");
        long id = tokens.of(account).get(0).id();
        tokens.revoke(account, id);
        mvc.perform(get("/api/v1/requests/TID-1").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }
}
