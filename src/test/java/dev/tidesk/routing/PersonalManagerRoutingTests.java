package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.tidesk.TestClock;
import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class PersonalManagerRoutingTests extends WebTest {

    @Autowired
    ClientTermsBook terms;

    @Autowired
    RoutingQueue queue;

    @Autowired
    RoutingAssignments assignments;

    @Autowired
    StaffDirectory staff;

    @Autowired
    RequestQueries requests;

    @Autowired
    TestClock clock;

    @Test
    void aPremiumRequestWaitsForThePersonalManagerThenFallsBackToTheQueueWithANote() throws Exception {
        StaffView manager = data.member(Role.MANAGER);
        TestData.Client premium = data.client();
        terms.update(premium.organization().id(), 0, manager.id(), 1, 8, false);

        TicketView held = data.request(premium, "Не работает корзина", "После обновления");
        assertThat(queue.order(List.of(held.id()))).isEmpty();
        assertThat(queue.heldFor(manager.id())).extracting(QueueEntry::tid).contains(held.tid());
        MockHttpSession session = deskLogin(manager.email());
        mvc.perform(get("/desk/routing/my-clients").session(session))
                .andExpect(content().string(containsString(held.tid())))
                .andExpect(
                        content().string(containsString(premium.organization().name())));
        // the request page says why nobody has it yet
        mvc.perform(get("/desk/requests/" + held.tid())
                        .session(deskLogin(data.agent().email())))
                .andExpect(content().string(containsString("id=\"held-for\"")))
                .andExpect(content().string(containsString(manager.fullName())));

        // not taken within the hold time: the request goes to the general queue with a note
        clock.advance(Duration.ofMinutes(31));
        assignments.releaseOverdueHolds();
        assertThat(queue.order(List.of(held.id()))).extracting(QueueEntry::tid).containsExactly(held.tid());
        assertThat(queue.heldFor(manager.id())).extracting(QueueEntry::tid).doesNotContain(held.tid());
        assertThat(notes(held)).anySatisfy(n -> assertThat(n).contains("не взял обращение за 30"));

        // a manager who takes a held request in time: it is theirs and never reaches the queue
        TicketView taken = data.request(premium, "Поменять баннер", "На главной");
        mvc.perform(
                post("/desk/requests/" + taken.tid() + "/take").session(session).with(csrf()));
        assertThat(requests.ticket(taken.id()).assigneeId()).isEqualTo(manager.id());
        clock.advance(Duration.ofMinutes(31));
        assignments.releaseOverdueHolds();
        assertThat(queue.order(List.of(taken.id()))).isEmpty();
        assertThat(notes(taken)).isEmpty();

        // the manager is away: the request enters the general queue at once, with a note
        staff.setAvailability(manager.id(), Availability.AWAY);
        TicketView away = data.request(premium, "Упал сайт", "Совсем");
        assertThat(queue.order(List.of(away.id()))).extracting(QueueEntry::tid).containsExactly(away.tid());
        assertThat(notes(away))
                .anySatisfy(n -> assertThat(n).contains(manager.fullName()).contains("отсутствует"));
    }

    @Test
    void whenTheManagerGoesAwayTheRequestsHeldForHimEnterTheQueueAtOnce() throws Exception {
        StaffView manager = data.member(Role.MANAGER);
        StaffView colleague = data.member(Role.MANAGER);
        TestData.Client premium = data.client();
        TestData.Client other = data.client();
        terms.update(premium.organization().id(), 0, manager.id(), 1, 8, false);
        terms.update(other.organization().id(), 0, colleague.id(), 1, 8, false);
        TicketView first = data.request(premium, "Не приходят заказы", "С утра");
        TicketView second = data.request(premium, "Ошибка в форме", "При отправке");
        TicketView colleagues = data.request(other, "Обновить цены", "Прайс во вложении");
        assertThat(queue.heldFor(manager.id())).extracting(QueueEntry::tid).containsExactly(first.tid(), second.tid());
        MockHttpSession session = deskLogin(manager.email());

        // busy is still at work: the holds stay
        mvc.perform(
                post("/desk/routing/availability").session(session).with(csrf()).param("availability", "BUSY"));
        assertThat(queue.heldFor(manager.id())).hasSize(2);
        assertThat(queue.order(List.of(first.id(), second.id()))).isEmpty();

        // away: both enter the general queue now, long before the 30 minutes, each with a note
        mvc.perform(
                post("/desk/routing/availability").session(session).with(csrf()).param("availability", "AWAY"));
        assertThat(queue.heldFor(manager.id())).isEmpty();
        assertThat(queue.order(List.of(first.id(), second.id())))
                .extracting(QueueEntry::tid)
                .containsExactlyInAnyOrder(first.tid(), second.tid());
        assertThat(notes(first))
                .singleElement()
                .satisfies(n -> assertThat(n).contains(manager.fullName()).contains("отошёл"));
        assertThat(notes(second)).hasSize(1);
        // another manager's held request is his to take still
        assertThat(queue.heldFor(colleague.id())).extracting(QueueEntry::tid).containsExactly(colleagues.tid());
        assertThat(notes(colleagues)).isEmpty();

        // back at work: new requests are held for him again; the released ones stay in the queue, noted once
        mvc.perform(
                post("/desk/routing/availability").session(session).with(csrf()).param("availability", "AVAILABLE"));
        TicketView later = data.request(premium, "Новая страница", "Нужна страница акции");
        assertThat(queue.heldFor(manager.id())).extracting(QueueEntry::tid).containsExactly(later.tid());
        clock.advance(Duration.ofMinutes(31));
        assignments.releaseOverdueHolds();
        assertThat(notes(later)).singleElement().satisfies(n -> assertThat(n).contains("не взял обращение за 30"));
        assertThat(notes(first)).as("released once, noted once").hasSize(1);
    }

    private List<String> notes(TicketView t) {
        return requests.messages(t.id(), true).stream()
                .filter(m -> m.kind() == MessageKind.INTERNAL_NOTE)
                .map(MessageView::body)
                .toList();
    }
}
