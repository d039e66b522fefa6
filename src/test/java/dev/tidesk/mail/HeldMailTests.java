package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.TicketView;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An acknowledgement of mail that the loop rules hold back is kept, says why, is never sent by
 * itself, and may be sent anyway; a request the client made in the portal is always acknowledged.
 */
class HeldMailTests extends MailTest {

    @Autowired
    OutboxSender sender;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InboundSettings settings;

    @Test
    void anAcknowledgementOverTheHourlyCapIsHeldWithTheReasonAndCanBeSentAnyway() throws Exception {
        Client client = data.client("ru");
        Timestamp recent = Timestamp.from(Instant.now().minusSeconds(600));
        for (int i = 0; i < settings.autoMailsPerHour(); i++) {
            jdbc.update(
                    """
                    insert into mail_outbox (event_key, recipient, subject, text_body, message_id, auto_submitted, status,
                                             attempts, next_attempt_at, created_at, sent_at)
                    values (?, ?, 'Earlier', 'text', ?, 'auto-replied', 'SENT', 1, ?, ?, ?)""",
                    "earlier:" + client.login() + ":" + i,
                    client.login(),
                    "<earlier." + System.nanoTime() + "@tidesk.local>",
                    recent,
                    recent,
                    recent);
        }

        TicketView t = data.request(client, "Ещё одно обращение", "Текст", Channel.EMAIL);
        sender.sendDue();

        OutboxView held = outbox.ofRequest(t.id()).get(0);
        assertThat(held.status()).isEqualTo(OutboxStatus.HELD);
        assertThat(held.note()).isEqualTo("outbox.note.held.hourly-cap");
        assertThat(sentTo(client.login())).isEmpty();

        outbox.retry(held.id());
        sender.sendDue();
        assertThat(outbox.ofRequest(t.id()).get(0).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sentTo(client.login())).hasSize(1);
    }

    @Test
    void aRequestMadeInThePortalIsAcknowledgedWhateverTheHourlyCap() throws Exception {
        Client client = data.client("ru");
        for (int i = 0; i <= settings.autoMailsPerHour(); i++) {
            data.request(client, "Обращение из кабинета " + i, "Текст");
        }
        sender.sendDue();

        assertThat(sentTo(client.login())).hasSize(settings.autoMailsPerHour() + 1);
    }

    @Test
    void anAcknowledgementToABouncingAddressIsHeldAndSaysSo() {
        Client client = data.client("ru");
        jdbc.update(
                "insert into mail_bouncing_address (address, reason, bounced_at) values (?, '550 5.1.1 unknown', now())",
                client.login().toLowerCase());

        TicketView t = data.request(client, "Письма не доходят", "Текст", Channel.EMAIL);
        sender.sendDue();

        OutboxView held = outbox.ofRequest(t.id()).get(0);
        assertThat(held.status()).isEqualTo(OutboxStatus.HELD);
        assertThat(held.note()).isEqualTo("outbox.note.held.bouncing");
        assertThat(sentTo(client.login())).isEmpty();
    }
}
