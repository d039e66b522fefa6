package dev.tidesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.AttachmentView;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

class PortalWebTests extends WebTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    RequestQueries queries;

    @Autowired
    RequestDesk desk;

    @Test
    void aClientWithMoreRequestsThanTheCountCapSeesMoreThanInThePager() throws Exception {
        Client client = data.client();
        TicketView first = data.request(client, "Первое обращение", "Текст");
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(get("/portal").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"pager-many\""))));
        String mark = "CAP-" + System.nanoTime() + "-";
        int more = RequestQueries.ORGANIZATION_COUNT_CAP;
        try {
            data.copies(first, mark, 900_000_000L, 1, more, "CLOSED");
            // the cap and one more: counted no further, and the newest request still first
            assertThat(queries.organizationRequests(client.organization().id(), "", "", 0, 25)
                            .getTotalElements())
                    .isEqualTo(RequestQueries.ORGANIZATION_COUNT_CAP + 1);
            mvc.perform(get("/portal").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Страница 1 (всего больше 10")))
                    .andExpect(content().string(containsString(first.tid())));
            // a filter below the cap is counted exactly
            mvc.perform(get("/portal?filter=open").session(session))
                    .andExpect(content().string(not(containsString("id=\"pager-many\""))));
            assertThat(queries.organizationRequests(client.organization().id(), "open", "", 0, 25)
                            .getTotalElements())
                    .isEqualTo(1);
        } finally {
            jdbc.update("delete from ticket where tid like ?", mark + "%");
        }
    }

    @Test
    void aContactCreatesARequestWithAnAttachmentAndSeesItsTidAtOnce() throws Exception {
        Client client = data.client();
        MockHttpSession session = portalLogin(client.login());
        MockMultipartFile file = new MockMultipartFile("files", "скриншот.png", "image/png", new byte[] {1, 2, 3});

        String location = mvc.perform(multipart("/portal/requests")
                        .file(file)
                        .session(session)
                        .with(csrf())
                        .param("subject", "Не работает форма заказа")
                        .param("body", "После нажатия «Отправить» ничего не происходит.")
                        .param("urgency", "HIGH")
                        .param("siteId", String.valueOf(client.site().id())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/portal/requests/TID-*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String tid = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(get(location).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tid)))
                .andExpect(content().string(containsString("Не работает форма заказа")))
                .andExpect(content().string(containsString("скриншот.png")));
        TicketView ticket = queries.byTid(tid);
        assertThat(ticket.organizationId()).isEqualTo(client.organization().id());
        assertThat(ticket.channel().name()).isEqualTo("PORTAL");
        assertThat(ticket.urgency().name()).isEqualTo("HIGH");

        mvc.perform(get("/portal").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tid)));
        mvc.perform(get("/portal").param("q", tid).session(session))
                .andExpect(content().string(containsString(tid)));
        mvc.perform(get("/portal").param("filter", "closed").session(session))
                .andExpect(content().string(not(containsString(tid))));
    }

    @Test
    void aBadRequestGetsTheFormBackWithAMessageAndStoresNothing() throws Exception {
        Client client = data.client();
        MockHttpSession session = portalLogin(client.login());
        long before = queries.organizationRequests(client.organization().id(), "", "", 0, 10)
                .getTotalElements();
        mvc.perform(post("/portal/requests")
                        .session(session)
                        .with(csrf())
                        .param("subject", " ")
                        .param("body", "text")
                        .param("urgency", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Заполните это поле")));
        assertThat(queries.organizationRequests(client.organization().id(), "", "", 0, 10)
                        .getTotalElements())
                .isEqualTo(before);
    }

    @Test
    void anotherOrganizationsRequestIsNotFoundOnEveryPortalRoute() throws Exception {
        Client owner = data.client();
        Client stranger = data.client();
        TicketView ticket = data.request(owner, "Секретное обращение", "Только для владельца");
        StaffView agent = data.agent();
        long messageId = desk.reply(
                ticket.id(),
                Actor.staff(agent.id(), agent.fullName()),
                "Ответ с файлом",
                java.util.List.of(
                        new dev.tidesk.ticket.NewAttachment("report.pdf", "application/pdf", new byte[] {9})));
        AttachmentView attachment = queries.messages(ticket.id(), false).stream()
                .filter(m -> m.id() == messageId)
                .findFirst()
                .orElseThrow()
                .attachments()
                .get(0);
        MockHttpSession session = portalLogin(stranger.login());

        mvc.perform(get("/portal/requests/" + ticket.tid()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .session(session)
                        .with(csrf())
                        .param("body", "чужой ответ"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal/attachments/" + attachment.id()).session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get("/portal").param("q", ticket.tid()).session(session))
                .andExpect(content().string(not(containsString("/portal/requests/" + ticket.tid()))));
        assertThat(queries.messages(ticket.id(), true)).hasSize(2);

        MockHttpSession ownerSession = portalLogin(owner.login());
        mvc.perform(get("/portal/attachments/" + attachment.id()).session(ownerSession))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void picturesAreShownInTheConversationOtherFilesOnlyListed() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Съехала вёрстка", "Смотрите снимки");
        StaffView agent = data.agent();
        desk.reply(
                ticket.id(),
                Actor.staff(agent.id(), agent.fullName()),
                "Вот как стало",
                java.util.List.of(
                        new dev.tidesk.ticket.NewAttachment("после.png", "image/png", new byte[] {1}),
                        new dev.tidesk.ticket.NewAttachment("схема.svg", "image/svg+xml", new byte[] {2}),
                        new dev.tidesk.ticket.NewAttachment("акт.pdf", "application/pdf", new byte[] {3})));
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        queries.messages(ticket.id(), false).stream()
                .flatMap(m -> m.attachments().stream())
                .forEach(a -> ids.put(a.filename(), a.id()));

        String portal = mvc.perform(get("/portal/requests/" + ticket.tid()).session(portalLogin(client.login())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String staff = mvc.perform(get("/desk/requests/" + ticket.tid()).session(deskLogin(agent.email())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        for (String[] page : new String[][] {{portal, "/portal"}, {staff, "/desk"}}) {
            assertThat(page[0]).contains("<img src=\"" + page[1] + "/attachments/" + ids.get("после.png") + "\"");
            // SVG may carry script and a PDF is no picture: both are only listed for download
            assertThat(page[0])
                    .doesNotContain("<img src=\"" + page[1] + "/attachments/" + ids.get("схема.svg") + "\"")
                    .doesNotContain("<img src=\"" + page[1] + "/attachments/" + ids.get("акт.pdf") + "\"")
                    .contains("схема.svg", "акт.pdf");
        }
    }

    @Test
    void internalNotesAndTheirFilesNeverReachThePortal() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Обновить цены", "Новый прайс во вложении");
        StaffView agent = data.agent();
        desk.note(
                ticket.id(),
                Actor.staff(agent.id(), agent.fullName()),
                "Клиент должен нам за март",
                java.util.List.of(new dev.tidesk.ticket.NewAttachment(
                        "internal.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
        long noteFile = queries.messages(ticket.id(), true).stream()
                .flatMap(m -> m.attachments().stream())
                .filter(a -> a.filename().equals("internal.txt"))
                .findFirst()
                .orElseThrow()
                .id();
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("должен нам"))))
                .andExpect(content().string(not(containsString("internal.txt"))));
        mvc.perform(get("/portal/attachments/" + noteFile).session(session)).andExpect(status().isNotFound());
    }

    @Test
    void aClientReplyReopensAResolvedRequest() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Сайт не открывается", "Ошибка 502");
        desk.changeStatus(ticket.id(), dev.tidesk.ticket.Status.RESOLVED, Actor.system());
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .session(session)
                        .with(csrf())
                        .param("body", "Снова не открывается"))
                .andExpect(status().is3xxRedirection());
        assertThat(queries.ticket(ticket.id()).status()).isEqualTo(dev.tidesk.ticket.Status.OPEN);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        Client client = data.client();
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(post("/portal/requests")
                        .session(session)
                        .param("subject", "s")
                        .param("body", "b")
                        .param("urgency", "NORMAL"))
                .andExpect(status().isForbidden());
    }

    @Test
    void contactsAreForbiddenInTheWorkspaceAndAnonymousUsersAreSentToLogin() throws Exception {
        Client client = data.client();
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(get("/desk").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/desk/search").param("q", "x").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/portal")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/login"));
    }
}
