package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * What each kind of text search finds (issue 19 names them: a common word, an uncommon one, one
 * found nowhere, a hyphenated word, two words, a phrase): the right requests and no others, on the
 * staff search page; and the portal's search of a client's own requests, never another's.
 */
class SearchKindsWebTests extends WebTest {

    @Autowired
    RequestQueries queries;

    /** A word no other test writes: Cyrillic letters drawn from the clock, so stemming treats it as Russian. */
    private static String word(String stem) {
        StringBuilder b = new StringBuilder(stem);
        long n = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            b.append((char) ('а' + (int) (n % 32)));
            n /= 32;
        }
        return b.append("ор").toString();
    }

    private List<Long> found(String q) {
        return queries.search(q, 50).stream().map(h -> h.ticket().id()).toList();
    }

    @Test
    void aCommonWordFindsEveryRequestWithItNewestFirstAmongEquals() {
        Client client = data.client();
        String w = word("общ");
        TicketView first = data.request(client, "Первое", "Сегодня " + w + " снова");
        TicketView second = data.request(client, "Второе", "И тут " + w + " снова");
        TicketView third = data.request(client, "Третье " + w, "Ничего");
        data.request(client, "Четвёртое", "Совсем другое");

        // the subject counts double, then equal ranks come newest first
        assertThat(found(w)).containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    void anUncommonWordFindsItsOneRequestAndAnAbsentWordNothing() {
        Client client = data.client();
        String w = word("ред");
        TicketView one = data.request(client, "Вопрос", "Только здесь " + w);
        data.request(client, "Другой вопрос", "Без него");

        assertThat(found(w)).containsExactly(one.id());
        assertThat(found(word("нет"))).isEmpty();
    }

    @Test
    void aHyphenatedWordFindsItWrittenWithItsHyphenOnly() {
        Client client = data.client();
        String w = word("онл");
        TicketView hyphenated = data.request(client, "Запись", "Нужна " + w + "-запись на приём");
        TicketView apart = data.request(client, "Запись", "Есть " + w + ", и запись отдельно");

        assertThat(found(w + "-запись")).containsExactly(hyphenated.id());
        assertThat(found(w)).containsExactlyInAnyOrder(hyphenated.id(), apart.id());
    }

    @Test
    void twoWordsFindTheRequestsWithBothAndAPhraseTheOnesWithThemSideBySide() {
        Client client = data.client();
        String w = word("кли");
        TicketView together = data.request(client, "Кабинет", "Не открывается " + w + " кабинет клиента");
        TicketView apart = data.request(client, "Кабинет", "Кабинет директора и " + w + " номер");
        data.request(client, "Только слово", "Здесь " + w + " без второго");

        assertThat(found(w + " кабинет")).containsExactlyInAnyOrder(together.id(), apart.id());
        assertThat(found("\"" + w + " кабинет\"")).containsExactly(together.id());
    }

    @Test
    void aWordLeftOutWithAMinusIsLeftOutWhateverItsStem() {
        Client client = data.client();
        String w = word("мин");
        // (a request is found by its subject or by any of its messages: the words are in the subjects)
        // "updates" is indexed as its English stem only; its reading as typed ("updates") is in no index
        TicketView updates = data.request(client, w + " updates не приходят", "Текст");
        TicketView phrase = data.request(client, w + ": личный кабинет не открывается", "Текст");
        TicketView other = data.request(client, w + ": кабинет личный, но другой", "Текст");

        assertThat(found(w)).containsExactlyInAnyOrder(updates.id(), phrase.id(), other.id());
        assertThat(found(w + " -updates")).containsExactlyInAnyOrder(phrase.id(), other.id());
        assertThat(found(w + " -update")).containsExactlyInAnyOrder(phrase.id(), other.id());
        assertThat(found(w + " -\"личный кабинет\"")).containsExactlyInAnyOrder(updates.id(), other.id());
        assertThat(found(w + " -updates -кабинет")).isEmpty();
        // a minus inside a phrase leaves nothing out
        assertThat(found("\"" + w + " -updates\"")).containsExactly(updates.id());
    }

    @Test
    void theSearchPageListsWhatItFound() throws Exception {
        Client client = data.client();
        String w = word("стр");
        TicketView hit = data.request(client, "Страница " + w, "Текст");
        TicketView miss = data.request(client, "Страница", "Другой текст");
        MockHttpSession session = deskLogin(data.agent().email());

        mvc.perform(get("/desk/search").param("q", w).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(hit.tid())))
                .andExpect(content().string(not(containsString(miss.tid() + "<"))));
    }

    @Test
    void aClientSearchesOnlyTheirOwnOrganizationsRequests() throws Exception {
        Client mine = data.client();
        Client other = data.client();
        String w = word("пор");
        TicketView own = data.request(mine, "Оплата " + w, "Текст");
        TicketView theirs = data.request(other, "Оплата " + w, "Текст");
        MockHttpSession session = portalLogin(mine.login());

        mvc.perform(get("/portal").param("q", w).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/portal/requests/" + own.tid())))
                .andExpect(content().string(not(containsString("/portal/requests/" + theirs.tid()))));
        // the other organization's TID, typed in full, is searched for and not found
        mvc.perform(get("/portal").param("q", theirs.tid()).session(session))
                .andExpect(content().string(not(containsString("/portal/requests/" + theirs.tid()))));
        mvc.perform(get("/desk/search").param("q", w).session(session)).andExpect(status().isForbidden());
    }
}
