package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.DirectoryEditor;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail from a deactivated contact's address follows the rules for an unknown sender: it does not
 * continue their old requests (the TID in the subject counts only from someone who belongs to the
 * request) and a new request is a one-off client's; their old contact stays deactivated, with its
 * history.
 */
class DeactivatedContactMailTests extends MailTest {

    @Autowired
    MailIntake intake;

    @Autowired
    Customers customers;

    @Autowired
    DirectoryEditor editor;

    @Autowired
    RequestIntake requestIntake;

    @Autowired
    RequestQueries requests;

    @Test
    void aDeactivatedContactsMailIsAStrangersMail() {
        Client client = data.client();
        // a private address, not of the client's own mail domain (whose newcomers join its requests)
        String address = "left" + System.nanoTime() + "@private.example";
        ContactView leaver =
                customers.createContact(client.organization().id(), "Ушедший Сотрудник", address, null, "ru");
        TicketView old = requestIntake.open(new NewRequest(
                "Старое обращение",
                "Текст",
                leaver.id(),
                null,
                dev.tidesk.ticket.Channel.EMAIL,
                dev.tidesk.ticket.Urgency.NORMAL,
                java.util.List.of(),
                dev.tidesk.ticket.Actor.contact(leaver.id(), leaver.fullName())));
        editor.deactivateContact(leaver.id(), "test");

        InboundView reply = intake.receive(
                "test",
                InboundMailTests.mail(address, "Re: [" + old.tid() + "] Старое обращение", "Я всё ещё тут")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(reply.outcome()).isEqualTo("NEW_REQUEST");
        assertThat(reply.ticketId()).isNotEqualTo(old.id());
        TicketView fresh = requests.ticket(reply.ticketId());
        assertThat(fresh.organizationName()).isEqualTo("Разовые обращения");
        assertThat(fresh.contactId()).isNotEqualTo(leaver.id());
        assertThat(requests.messages(old.id(), true))
                .noneSatisfy(m -> assertThat(m.body()).contains("Я всё ещё тут"));
        assertThat(customers.contact(leaver.id()).active()).isFalse();
        assertThat(customers.contactByEmail(address).map(ContactView::id)).contains(fresh.contactId());
    }
}
