package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.MailTest;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.inbound.ParsedMail;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.AttachmentView;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hand-written corpus of src/test/resources/eml/clients (see its README): every file goes
 * through real SMTP into a GreenMail mailbox, is fetched by the IMAP poller and processed by the
 * real pipeline on PostgreSQL. Per file: where it lands, the body staff are shown, the file names
 * and whether the sender got an acknowledgement.
 */
class ClientCorpusTests extends MailTest {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));
    private static final int IN_SMTP = freeInboundPort();
    private static final int IN_IMAP = freeInboundPort();

    @RegisterExtension
    static final GreenMailExtension inbound = new GreenMailExtension(new ServerSetup[] {
                new ServerSetup(IN_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IN_IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            })
            .withPerMethodLifecycle(false);

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailboxPoller poller;

    @Autowired
    MailIntake intake;

    @Autowired
    OutboxSender sender;

    @Autowired
    Customers customers;

    @Autowired
    RequestIntake requestIntake;

    @Autowired
    RequestQueries requests;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * lands: NEW = opens a request; EXISTING = goes into the request made beforehand for {@code existing};
     * NONE = no request at all. Lists are separated by ';'. The domain client.example is replaced by a
     * fresh one per case, whose organization exists.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # file                            | existing                      | outcome     | lands    | shown                                                                                    | not shown                                   | files                                    | ack
        outlook-new-related-cp1251.eml     | -                             | NEW_REQUEST | NEW      | перестала работать форма обратной связи;С уважением,\\nОльга Смирнова;тел. +7 (495) 123-45-67 | -                                           | image001.png                             | true
        outlook-reply-original-message.eml | olga.smirnova@client.example  | REPLY       | EXISTING | Спасибо, форма заработала;С уважением,\\nОльга Смирнова\\nООО «СтройАльянс»                | Original Message;Почтовый сервис на сервере | -                                        | false
        outlook-reply-ot-otpravleno.eml    | olga.smirnova@client.example  | REPLY       | EXISTING | прикладываю выгрузку ошибок;Ольга Смирнова                                               | Отправлено:;Пришлите, пожалуйста            | Журнал ошибок.csv                        | false
        gmail-new-attachment-rfc2231.eml   | -                             | NEW_REQUEST | NEW      | не проходит оплата картой;--\\nАнна Петрова                                               | -                                           | Акт сверки №12.pdf                       | true
        gmail-reply-gmail-quote.eml        | anna.kuzmina.studio@gmail.com | REPLY       | EXISTING | теперь оплата проходит;Анна Петрова                                                      | Платёжный модуль обновлён;support@tidesk    | -                                        | false
        thunderbird-new-flowed.eml         | -                             | NEW_REQUEST | NEW      | каталога не грузятся фотографии товаров, вместо них серые квадраты.;Игорь Волков         | -                                           | -                                        | true
        thunderbird-reply-moz-cite.eml     | igor.volkov@client.example    | REPLY       | EXISTING | Проверил, фотографии снова на месте.;-- \\nИгорь Волков                                   | откатили плагин;пишет:                      | -                                        | false
        apple-mail-mixed-inline-image.eml  | -                             | NEW_REQUEST | NEW      | меню налезает на логотип;Марина Лебедева                                                 | -                                           | Снимок экрана 2025-03-03 в 10.12.45.png;brief.pdf | true
        iphone-reply.eml                   | sergey.orlov@client.example   | REPLY       | EXISTING | обновляйте в пятницу после 19:00;Отправлено с iPhone                                     | обновить ядро;написал(а)                    | -                                        | false
        yandex-mobile-android.eml          | -                             | NEW_REQUEST | NEW      | ошибкой 503 уже полчаса;Отправлено из мобильной Яндекс Почты                             | -                                           | -                                        | true
        mailru-koi8r-8bit.eml              | -                             | NEW_REQUEST | NEW      | новый прайс-лист;Елена Сорокина;Отправлено из Mail.ru для Android                        | -                                           | -                                        | true
        outlook-out-of-office.eml          | olga.smirnova@client.example  | AUTO_REPLY  | EXISTING | Я в отпуске до 17 марта                                                                  | -                                           | -                                        | false
        yandex-autoreply.eml               | -                             | AUTO_REPLY  | NONE     | -                                                                                        | -                                           | -                                        | false
        mailru-autoreply-subject-tid.eml   | igor.petrov@client.example    | AUTO_REPLY  | EXISTING | в командировке до 20 марта                                                               | -                                           | -                                        | false
        postfix-dsn.eml                    | olga.smirnova@client.example  | BOUNCE      | EXISTING | olga.smirnova@;5.1.1                                                                     | -                                           | -                                        | false
        exchange-ndr.eml                   | olga.smirnova@client.example  | BOUNCE      | EXISTING | olga.smirnova@;RESOLVER.ADR.RecipNotFound                                                | -                                           | -                                        | false
        gmail-dsn.eml                      | olga.smirnova@client.example  | BOUNCE      | EXISTING | olga.smirnova@;5.1.1                                                                     | -                                           | -                                        | false
        forward-as-attachment-rfc822.eml   | -                             | NEW_REQUEST | NEW      | Пересылаю письмо покупателя;Марина Семенова;Пересланное сообщение;От: Виктор <viktor.buyer@mail.example>;Дата: 02.03.2025 21:40;Тема: Ошибка при оплате заказа;Не могу оплатить заказ №4411 | -                                           | Ошибка при оплате заказа.eml             | true
        broken-charset.eml                 | -                             | NEW_REQUEST | NEW      | Письмо из старой CRM, кодировка указана неправильно.;Алексей Зуев                         | -                                           | -                                        | true
        """)
    void aMailFromARealClientLandsWhereItBelongs(
            String file,
            String existing,
            String outcome,
            String lands,
            String shown,
            String notShown,
            String files,
            boolean ack)
            throws Exception {
        int n = SEQ.incrementAndGet();
        String domain = "corpus" + n + ".example";
        OrganizationView organization = customers.createOrganization("ООО Корпус " + n, domain);
        String raw = new String(eml(file), StandardCharsets.ISO_8859_1).replace("client.example", domain);
        // a fresh Message-ID per run, so that a case never meets its own earlier run
        raw = raw.replaceFirst("(?im)^(Message-I[Dd]:\\s*<)", "$1r" + n + ".");

        TicketView before = null;
        if (existing != null) {
            String address = existing.replace("client.example", domain);
            ContactView contact = customers.createContact(organization.id(), "Контакт " + n, address, null, "ru");
            before = requestIntake.open(new NewRequest(
                    "Не работает форма обратной связи",
                    "Текст обращения",
                    contact.id(),
                    null,
                    Channel.EMAIL,
                    Urgency.NORMAL,
                    List.of(),
                    Actor.contact(contact.id(), contact.fullName())));
            String ackId = jdbc.queryForObject(
                    "select message_id from mail_outbox where ticket_id = ? order by id limit 1",
                    String.class,
                    before.id());
            raw = raw.replace("{TID}", before.tid()).replace("{ACK}", ackId);
            sender.sendDue();
            smtp.purgeEmailFromAllMailboxes();
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        ParsedMail parsed = MailParser.parse(bytes);

        String login = "corpus" + n;
        inbound.setUser(login + "@tidesk.local", login, "pw");
        MailboxView box = mailboxes.add(
                new MailboxSettings("corpus-" + n, "127.0.0.1", IN_IMAP, false, login, "pw", "INBOX", null, 60, true));
        deliverBySmtp(bytes, login + "@tidesk.local");
        assertThat(poller.poll(box.id())).isEqualTo(1);
        assertThat(mailboxes.mailbox(box.id()).lastError()).isNull();

        long inboundId = jdbc.queryForObject("select id from mail_inbound where source = ?", Long.class, "corpus-" + n);
        InboundView view = intake.inbound(inboundId);
        assertThat(view.outcome())
                .as("outcome; last error %s", view.lastError())
                .isEqualTo(outcome);

        List<TicketView> ofOrganization =
                requests.organizationRequests(organization.id(), "", "", 0, 100).getContent();
        MessageView shownMessage = null;
        switch (lands) {
            case "NEW" -> {
                assertThat(view.ticketId()).isNotNull();
                assertThat(before).isNull();
                TicketView created = requests.ticket(view.ticketId());
                assertThat(created.contactEmail()).isEqualTo(parsed.fromAddress());
                assertThat(parsed.subject()).contains(created.subject());
                assertThat(created.channel()).isEqualTo(Channel.EMAIL);
                shownMessage = requests.messages(created.id(), true).get(0);
            }
            case "EXISTING" -> {
                assertThat(view.ticketId()).isEqualTo(before.id());
                assertThat(ofOrganization).extracting(TicketView::id).containsExactly(before.id());
                List<MessageView> conversation = requests.messages(before.id(), true);
                shownMessage = conversation.get(conversation.size() - 1);
                if (!outcome.equals("REPLY")) {
                    assertThat(shownMessage.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
                    assertThat(requests.ticket(before.id()).status()).isEqualTo(Status.NEW);
                } else {
                    assertThat(shownMessage.kind()).isEqualTo(MessageKind.CLIENT);
                }
            }
            default -> {
                assertThat(view.ticketId()).isNull();
                assertThat(view.status()).isEqualTo(InboundStatus.IGNORED);
                assertThat(ofOrganization).isEmpty();
                assertThat(customers.contactByEmail(parsed.fromAddress())).isEmpty();
            }
        }
        if (shownMessage != null) {
            String body = shownMessage.body();
            for (String s : list(shown)) {
                assertThat(body).as("shown body of %s", file).contains(s);
            }
            for (String s : list(notShown)) {
                assertThat(body).as("shown body of %s", file).doesNotContain(s);
            }
            assertThat(shownMessage.attachments())
                    .extracting(AttachmentView::filename)
                    .containsExactlyInAnyOrderElementsOf(list(files));
        }

        sender.sendDue();
        List<MimeMessage> acks = sentTo(parsed.fromAddress());
        if (ack) {
            assertThat(acks).singleElement().satisfies(m -> {
                assertThat(m.getSubject())
                        .contains(requests.ticket(view.ticketId()).tid());
                assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-replied");
            });
        } else {
            assertThat(acks).isEmpty();
        }
    }

    private static void deliverBySmtp(byte[] raw, String recipient) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(IN_SMTP));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            // sendMessage, not Transport.send: the message goes out exactly as written, no saveChanges()
            transport.sendMessage(message, new Address[] {new InternetAddress(recipient)});
        }
    }

    private static List<String> list(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(";"))
                        .map(s -> s.replace("\\n", "\n"))
                        .toList();
    }

    static byte[] eml(String name) {
        try (InputStream in = ClientCorpusTests.class.getResourceAsStream("/eml/clients/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freeInboundPort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
