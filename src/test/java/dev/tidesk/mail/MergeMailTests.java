package dev.tidesk.mail;

import static dev.tidesk.mail.InboundMailTests.mail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestMerge;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail after a merge, over real SMTP (GreenMail): the client of the merged request gets one mail in
 * their language, and their replies by mail, naming the merged TID in the subject or answering a mail
 * of the merged request, land in the survivor.
 */
class MergeMailTests extends MailTest {

    @Autowired
    RequestMerge merges;

    @Autowired
    RequestQueries requests;

    @Autowired
    MailIntake intake;

    @Autowired
    OutboxSender sender;

    @Test
    void theClientIsToldOnceAndTheirMailToTheMergedTidLandsInTheSurvivor() throws Exception {
        Client client = data.client("ru");
        TicketView merged = data.request(client, "Не приходят письма с сайта", "С утра тишина");
        TicketView survivor = data.request(client, "Почта сайта", "Письма с формы не доходят");
        sender.sendDue();
        MimeMessage ack = sentTo(client.login()).stream()
                .filter(m -> subject(m).contains(merged.tid()))
                .findFirst()
                .orElseThrow();
        smtp.purgeEmailFromAllMailboxes();

        StaffView agent = data.agent();
        merges.merge(merged.id(), survivor.tid(), Actor.staff(agent.id(), agent.fullName()));
        sender.sendDue();
        sender.sendDue(); // a second round sends nothing again
        List<MimeMessage> told = sentTo(client.login());
        assertThat(subjects(told))
                .singleElement()
                .asString()
                .contains("Ваше обращение " + merged.tid() + " объединено с " + survivor.tid());
        assertThat(texts(told.get(0)).get(0)).contains("/portal/requests/" + survivor.tid());

        // a reply naming the merged TID in the subject, without references
        InboundView bySubject = intake.receive(
                "test",
                mail(client.login(), "Re: [" + merged.tid() + "] Не приходят письма", "Проверьте ещё раз")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(bySubject.outcome()).isEqualTo("REPLY");
        assertThat(bySubject.ticketId()).isEqualTo(survivor.id());

        // an answer to the acknowledgement the merged request sent (In-Reply-To and References)
        InboundView byReference = intake.receive(
                "test",
                mail(
                                client.login(),
                                "Re: " + subject(ack),
                                "Ответ на старое письмо",
                                "In-Reply-To: " + ack.getMessageID(),
                                "References: " + ack.getMessageID())
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(byReference.outcome()).isEqualTo("REPLY");
        assertThat(byReference.ticketId()).isEqualTo(survivor.id());

        assertThat(requests.messages(survivor.id(), false))
                .extracting(MessageView::body)
                .anySatisfy(b -> assertThat(b).contains("Проверьте ещё раз"))
                .anySatisfy(b -> assertThat(b).contains("Ответ на старое письмо"));
        assertThat(requests.messages(merged.id(), false)).isEmpty();
        // the merged request stays closed; the survivor is the one the client's mail reopened or kept open
        assertThat(requests.ticket(merged.id()).status()).isEqualTo(Status.CLOSED);
        assertThat(requests.ticket(survivor.id()).status()).isNotEqualTo(Status.CLOSED);
    }

    @Test
    void aClientWhoReadsEnglishIsToldInEnglish() throws Exception {
        Client client = data.client("en");
        TicketView merged = data.request(client, "Contact form is silent", "No mail since morning");
        TicketView survivor = data.request(client, "Site mail", "The form sends nothing");
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
        StaffView agent = data.agent();
        merges.merge(merged.id(), survivor.tid(), Actor.staff(agent.id(), agent.fullName()));
        sender.sendDue();
        assertThat(subjects(sentTo(client.login())))
                .singleElement()
                .asString()
                .contains("Your request " + merged.tid() + " has been merged with " + survivor.tid());
    }
}
