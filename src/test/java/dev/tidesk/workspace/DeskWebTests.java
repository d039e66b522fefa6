package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class DeskWebTests extends WebTest {

    @Autowired
    RequestQueries queries;

    @Autowired
    Outbox outbox;

    @Test
    void anAgentTakesRepliesNotesAndChangesStatusAndEveryStepIsInTheHistory() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Ошибка 500 при оформлении заказа", "Корзина падает");
        StaffView agent = data.agent();
        MockHttpSession session = deskLogin(agent.email());

        mvc.perform(get("/desk")
                        .param("view", "UNASSIGNED")
                        .param("sort", "AGE")
                        .session(session))
                .andExpect(status().isOk());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/take")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + ticket.tid()));
        mvc.perform(get("/desk").param("view", "MINE").session(session))
                .andExpect(content().string(containsString(ticket.tid())));
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .session(session)
                        .with(csrf())
                        .param("kind", "reply")
                        .param("body", "Исправили, проверьте, пожалуйста."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .session(session)
                        .with(csrf())
                        .param("kind", "note")
                        .param("body", "Причина: переполнен диск"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/status")
                        .session(session)
                        .with(csrf())
                        .param("status", "WAITING_FOR_CLIENT"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/urgency")
                        .session(session)
                        .with(csrf())
                        .param("urgency", "HIGH"))
                .andExpect(status().is3xxRedirection());

        TicketView after = queries.ticket(ticket.id());
        assertThat(after.assigneeId()).isEqualTo(agent.id());
        assertThat(after.status()).isEqualTo(Status.WAITING_FOR_CLIENT);
        assertThat(after.firstResponseAt()).isNotNull();
        assertThat(queries.messages(ticket.id(), true))
                .extracting(m -> m.kind())
                .containsExactly(MessageKind.CLIENT, MessageKind.STAFF_REPLY, MessageKind.INTERNAL_NOTE);
        assertThat(queries.history(ticket.id()))
                .extracting(h -> h.field() + ":" + h.toValue())
                .containsSubsequence(
                        "created:PORTAL",
                        "assignee:" + agent.fullName(),
                        "status:OPEN",
                        "status:WAITING_FOR_CLIENT",
                        "urgency:HIGH");
        assertThat(outbox.ofRequest(ticket.id()))
                .extracting(OutboxView::subject)
                .anySatisfy(s -> assertThat(s).startsWith("[" + ticket.tid() + "] Ваше обращение принято"))
                .anySatisfy(s -> assertThat(s).startsWith("[" + ticket.tid() + "] Новый ответ"))
                .anySatisfy(s -> assertThat(s).startsWith("[" + ticket.tid() + "] Изменён статус"))
                .hasSize(3);
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Причина: переполнен диск")))
                // the agent's own reply address for this request, which proves their mail is theirs
                .andExpect(content()
                        .string(containsString(
                                "mailto:" + outbox.staffReplyAddress(agent.id(), ticket.id()) + "?subject=")));
    }

    @Test
    void aRefusedReplyComesBackWithItsTextSoNothingTypedIsLost() throws Exception {
        Client client = data.client();
        TicketView t = data.request(client, "Длинный ответ", "текст");
        MockHttpSession agent = deskLogin(data.agent().email());
        String page = "http://localhost/desk/requests/" + t.tid();
        // longer than a message may be: refused, and the text comes back to be shortened
        String typed = "Здравствуйте! Подробный ответ на три абзаца. " + "Подробности. ".repeat(8_000);
        var refused = mvc.perform(post("/desk/requests/" + t.tid() + "/messages")
                        .param("kind", "reply")
                        .param("body", typed)
                        .session(agent)
                        .with(csrf())
                        .header("Referer", page))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attributeExists("error"))
                .andReturn();
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> draft =
                (java.util.Map<String, String>) refused.getFlashMap().get("draft");
        assertThat(draft).containsEntry("body", typed).doesNotContainKey("_csrf");
        assertThat(queries.messages(t.id(), true)).hasSize(1);

        mvc.perform(get("/desk/requests/" + t.tid()).session(agent).flashAttr("draft", draft))
                .andExpect(
                        content().string(containsString(">Здравствуйте! Подробный ответ на три абзаца. Подробности.")));
    }

    @Test
    void aForbiddenTransitionComesBackWithAClearMessageAndChangesNothing() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Настроить SSL", "Сертификат истёк");
        MockHttpSession session = deskLogin(data.agent().email());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/status")
                        .session(session)
                        .with(csrf())
                        .param("status", "CLOSED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/status")
                        .session(session)
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + ticket.tid())
                        .param("status", "DEFERRED"))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute(
                                "error",
                                "Обращение " + ticket.tid() + " нельзя перевести из статуса CLOSED в DEFERRED."));
        assertThat(queries.ticket(ticket.id()).status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void searchFindsRequestsByTidByStemmedWordsOfMessagesAndByContact() throws Exception {
        Client client = data.client();
        TicketView ticket =
                data.request(client, "Вопрос по хостингу", "Почему страницы каталога открываются так медленно?");
        MockHttpSession session = deskLogin(data.agent().email());

        mvc.perform(get("/desk/search").param("q", ticket.tid()).session(session))
                .andExpect(redirectedUrl("/desk/requests/" + ticket.tid()));
        mvc.perform(get("/desk/search").param("q", "медленная страница").session(session))
                .andExpect(content().string(containsString(ticket.tid())));
        mvc.perform(get("/desk/search").param("q", client.contact().fullName()).session(session))
                .andExpect(content().string(containsString(ticket.tid())));
        assertThat(queries.search("хостинги", 10))
                .extracting(h -> h.ticket().id())
                .contains(ticket.id());
        assertThat(queries.search("zzzqqq", 10)).isEmpty();
    }

    @Test
    void aCallIsRecordedForANewContactWithChannelPhone() throws Exception {
        Client client = data.client();
        MockHttpSession session = deskLogin(data.agent().email());
        mvc.perform(get("/desk/phone/contacts")
                        .param("q", client.contact().phone())
                        .session(session))
                .andExpect(content().string(containsString(client.contact().fullName())));

        String location = mvc.perform(post("/desk/phone")
                        .session(session)
                        .with(csrf())
                        .param(
                                "organizationId",
                                String.valueOf(client.organization().id()))
                        .param("newContactName", "Пётр Звонков")
                        .param("newContactPhone", "+7 900 111-22-33")
                        .param("subject", "Не приходят письма с сайта")
                        .param("body", "Звонил, говорит что заявки не доходят")
                        .param("urgency", "HIGH"))
                .andExpect(redirectedUrlPattern("/desk/requests/TID-*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        TicketView ticket = queries.byTid(location.substring(location.lastIndexOf('/') + 1));
        assertThat(ticket.channel()).isEqualTo(Channel.PHONE);
        assertThat(ticket.contactName()).isEqualTo("Пётр Звонков");
        assertThat(ticket.organizationId()).isEqualTo(client.organization().id());

        mvc.perform(post("/desk/phone")
                        .session(session)
                        .with(csrf())
                        .param("subject", "Без звонящего")
                        .param("body", "текст")
                        .param("urgency", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выберите организацию звонящего")));
    }

    @Test
    void theOutboxIsForAdminsAndHeadsOnly() throws Exception {
        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(get("/desk/admin/outbox").session(agent)).andExpect(status().isForbidden());
        MockHttpSession head =
                deskLogin(data.member(dev.tidesk.identity.Role.HEAD).email());
        mvc.perform(get("/desk/admin/outbox").session(head)).andExpect(status().isOk());
    }

    @Test
    void staffCannotUseThePortal() throws Exception {
        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(get("/portal").session(agent)).andExpect(status().isForbidden());
    }

    /** The history names the channel a request came by and reads the same for every person, with no gendered verb. */
    @Test
    void historyNamesTheChannelAndNeedsNoGender() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Форма не работает", "Письма не приходят.", Channel.EMAIL);
        context.getBean(dev.tidesk.ticket.RequestDesk.class)
                .changeStatus(
                        ticket.id(), Status.IN_PROGRESS, dev.tidesk.ticket.Actor.staff(agent.id(), agent.fullName()));
        String html = mvc.perform(get("/desk/requests/" + ticket.tid()).session(deskLogin(agent.email())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String history = org.jsoup.Jsoup.parse(html).getElementById("history").text();
        assertThat(history)
                .contains(": обращение создано, канал: E-mail")
                .containsPattern(java.util.regex.Pattern.quote(agent.fullName() + ": статус ") + "\\S+ → В работе")
                .doesNotContain("создал", "изменил");
    }

    /** RU/EN switches the language of the very page, its search or filter included. */
    @Test
    void theLanguageSwitchKeepsTheQuery() throws Exception {
        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(get("/desk/search")
                        .param("q", "корзина")
                        .param("lang", "ru")
                        .session(agent))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "href=\"/desk/search?q=%D0%BA%D0%BE%D1%80%D0%B7%D0%B8%D0%BD%D0%B0&amp;lang=en\"")));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aQueueTileCountsUpToItsCapAndThenSaysMore() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView first = data.request(client, "Первое из многих", "Текст");
        jdbc.update(
                "update ticket set assignee_id = ?, assignee_name = ?, status = 'OPEN' where id = ?",
                agent.id(),
                agent.fullName(),
                first.id());
        MockHttpSession session = deskLogin(agent.email());
        String mark = "QCAP-" + System.nanoTime() + "-";
        long numbers = 800_000_000L + (System.nanoTime() % 90_000) * 1_000;
        try {
            // the cap exactly: counted
            data.copies(first, mark, numbers, 1, (int) RequestQueries.QUEUE_COUNT_CAP - 1, "OPEN");
            mvc.perform(get("/desk").param("view", "MINE").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(containsString(
                                    "<span class=\"tile-num\">" + RequestQueries.QUEUE_COUNT_CAP + "</span>")));
            // one more: counted no further
            data.copies(first, mark, numbers, (int) RequestQueries.QUEUE_COUNT_CAP, 1, "OPEN");
            mvc.perform(get("/desk").param("view", "MINE").session(session))
                    .andExpect(content()
                            .string(containsString(
                                    "<span class=\"tile-num\">" + RequestQueries.QUEUE_COUNT_CAP + "+</span>")));
            assertThat(queries.queueCounts(agent.id())
                            .get(dev.tidesk.ticket.Queue.MINE)
                            .counted())
                    .isEqualTo(RequestQueries.QUEUE_COUNT_CAP + 1);
        } finally {
            jdbc.update("delete from ticket where tid like ?", mark + "%");
        }
    }
}
