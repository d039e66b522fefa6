package dev.tidesk;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.customer.SiteView;
import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * Builds clients, staff and requests through the modules' own APIs, with unique names so that
 * tests sharing one database never collide.
 */
public class TestData {

    public static final String PASSWORD = "secret-pass-1";
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    private final Customers customers;
    private final Accounts accounts;
    private final StaffDirectory staff;
    private final RequestIntake intake;
    private final java.time.ZoneId zone;

    private final ApplicationContext context;

    public TestData(ApplicationContext context) {
        this.context = context;
        this.zone = context.getBean(dev.tidesk.shared.Installation.class).timeZone();
        this.customers = context.getBean(Customers.class);
        this.accounts = context.getBean(Accounts.class);
        this.staff = context.getBean(StaffDirectory.class);
        this.intake = context.getBean(RequestIntake.class);
    }

    public record Client(OrganizationView organization, ContactView contact, SiteView site) {
        public String login() {
            return contact.email();
        }
    }

    public Client client(String language) {
        int n = SEQ.incrementAndGet();
        OrganizationView org = customers.createOrganization("ООО Клиент " + n, "client" + n + ".example");
        ContactView contact = customers.createContact(
                org.id(),
                "Анна Клиентова " + n,
                "anna" + n + "@client" + n + ".example",
                "+7 (495) 100-" + n,
                language);
        SiteView site = customers.createSite(
                org.id(),
                "client" + n + ".example",
                "https://client" + n + ".example",
                "https://test.client" + n + ".example");
        accounts.createContactAccount(contact.email(), contact.fullName(), contact.id(), org.id(), PASSWORD, language);
        return new Client(org, contact, site);
    }

    public Client client() {
        return client("ru");
    }

    public StaffView agent() {
        return member(Role.AGENT);
    }

    public StaffView member(Role role) {
        int n = SEQ.incrementAndGet();
        return staff.hire("Агент Поддержкин " + n, "agent" + n + "@tidesk.example", role, null, PASSWORD);
    }

    public TicketView request(Client client, String subject, String body) {
        return request(client, subject, body, Channel.PORTAL);
    }

    public TicketView request(Client client, String subject, String body, Channel channel) {
        return intake.open(new NewRequest(
                subject,
                body,
                client.contact().id(),
                client.site().id(),
                channel,
                Urgency.NORMAL,
                java.util.List.of(),
                Actor.contact(client.contact().id(), client.contact().fullName())));
    }

    /**
     * {@code count} copies of {@code like} with {@code status}, its client and assignee, written 400 days
     * and a second each before it, straight into the table (for counts and caps, which need thousands):
     * TIDs {@code mark + n} and numbers {@code numbers + n}, n from {@code from}. Delete them with
     * {@code delete from ticket where tid like mark || '%'}.
     */
    public void copies(TicketView like, String mark, long numbers, int from, int count, String status) {
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .update("""
                        insert into ticket (number, tid, subject, organization_id, organization_name, contact_id,
                                            contact_name, contact_email, channel, urgency, urgency_rank, status,
                                            assignee_id, assignee_name, created_at, updated_at)
                        select ? + g, ? || g, 'Давнее обращение ' || g, t.organization_id, t.organization_name,
                               t.contact_id, t.contact_name, t.contact_email, t.channel, t.urgency, t.urgency_rank, ?,
                               t.assignee_id, t.assignee_name, t.created_at - make_interval(days => 400, secs => g),
                               t.updated_at
                          from ticket t, generate_series(?, ? + ? - 1) g where t.id = ?""", numbers, mark, status, from, from, count, like.id());
    }

    /**
     * Waits until the effects that follow committed changes (statement, SLA and plan-alert mails,
     * run after commit on the task executor) have run, as a user would a moment later.
     */
    public void settle() {
        if (!context.getBean(dev.tidesk.system.EventEffects.class).awaitSettled(java.time.Duration.ofSeconds(20))) {
            throw new AssertionError("The effects of the last changes did not run within 20 s");
        }
    }

    /**
     * A request received at 09:00 on {@code day} (installation time zone), for tests that log
     * norm-hours on past days: time cannot be logged for a day before the request existed.
     */
    public TicketView requestReceived(Client client, String subject, String body, java.time.LocalDate day) {
        java.time.Instant at = day.atTime(9, 0).atZone(zone).toInstant();
        return intake.open(
                new NewRequest(
                        subject,
                        body,
                        client.contact().id(),
                        client.site().id(),
                        Channel.PORTAL,
                        Urgency.NORMAL,
                        java.util.List.of(),
                        Actor.contact(client.contact().id(), client.contact().fullName())),
                at);
    }
}
