package dev.tidesk.ticket;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is copied on a request (CC) besides its contact. Staff copy colleagues of the client's
 * organization or, by their explicit choice, any address; the contact who wrote the request copies
 * colleagues of their organization in the portal. The copied get the client's mails about the
 * request and may answer it by mail like the contact. Every change is in the request's history.
 * Colleagues seen in the Cc of a mail are only ever suggested ({@link #suggest}); a person adds them.
 */
@Service
@Transactional
public class CcList {

    /** More than this many copies on one request is a mailing list, not a conversation. */
    public static final int MAX_COPIES = 20;

    /** At most this many suggestions are kept from one request's mail. */
    static final int MAX_SUGGESTIONS = 20;

    private static final Pattern ADDRESS = Pattern.compile(
            "[^@\\s<>()\\[\\]\",;:\\\\]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+");

    private final JdbcTemplate jdbc;
    private final RequestQueries requests;
    private final RequestDesk desk;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CcList(
            JdbcTemplate jdbc,
            RequestQueries requests,
            RequestDesk desk,
            Customers customers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.requests = requests;
        this.desk = desk;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CcEntry> of(long ticketId) {
        return jdbc.query(
                "select address, name, contact_id, added_at from request_cc where ticket_id = ? order by added_at, address",
                (rs, n) -> new CcEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getTimestamp(4).toInstant()),
                ticketId);
    }

    /** Whether this address is copied on the request: it may then answer it by mail. */
    @Transactional(readOnly = true)
    public boolean isCopied(long ticketId, String address) {
        if (address == null) {
            return false;
        }
        Integer n = jdbc.queryForObject(
                "select count(*) from request_cc where ticket_id = ? and address = ?",
                Integer.class,
                ticketId,
                normal(address));
        return n != null && n > 0;
    }

    /**
     * Copies a contact of the request's own organization: what staff pick from the organization's
     * contacts and what the contact who wrote the request does in the portal.
     */
    public CcEntry addColleague(long ticketId, long contactId, Actor actor) {
        TicketView ticket = requests.ticket(ticketId);
        ContactView contact = customers.contact(contactId);
        if (ticket.organizationId() == null || contact.organizationId() != ticket.organizationId()) {
            throw new DomainException("error.cc.notColleague", "Not a contact of the request's organization");
        }
        if (contact.email() == null || contact.email().isBlank()) {
            throw new DomainException("error.cc.noEmail", "The contact has no e-mail address", contact.fullName());
        }
        return add(ticket, normal(contact.email()), contact.fullName(), contact.id(), actor);
    }

    /**
     * Copies any address, by a staff member's explicit choice. An address of a known contact is copied
     * as that contact.
     */
    public CcEntry addAddress(long ticketId, String address, Actor actor) {
        TicketView ticket = requests.ticket(ticketId);
        String a = valid(address);
        Optional<ContactView> contact = customers.contactByEmail(a);
        return add(
                ticket,
                a,
                contact.map(ContactView::fullName).orElse(a),
                contact.map(ContactView::id).orElse(null),
                actor);
    }

    public void remove(long ticketId, String address, Actor actor) {
        String a = normal(address);
        List<String> names = jdbc.queryForList(
                "delete from request_cc where ticket_id = ? and address = ? returning name", String.class, ticketId, a);
        if (names.isEmpty()) {
            throw new DomainException("error.cc.notCopied", "The address is not copied on the request", a);
        }
        desk.remark(ticketId, actor, "ccRemoved", cut(new CcEntry(a, names.get(0), null, null).label(), 300));
        events.publishEvent(new CcRemoved(ticketId, a));
    }

    /**
     * Offers a colleague seen in a mail's Cc to staff. Nothing happens when they are copied already,
     * are the request's contact, or were offered before.
     */
    public void suggest(long ticketId, String address, Long contactId, Instant at) {
        String a = normal(address);
        if (!ADDRESS.matcher(a).matches() || a.length() > 254) {
            return;
        }
        TicketView ticket = requests.ticket(ticketId);
        if (a.equalsIgnoreCase(ticket.contactEmail()) || isCopied(ticketId, a)) {
            return;
        }
        jdbc.update("""
                insert into request_cc_suggestion (ticket_id, address, contact_id, suggested_at)
                select ?, ?, ?, ? where (select count(*) from request_cc_suggestion where ticket_id = ?) < ?
                on conflict do nothing""", ticketId, a, contactId, Timestamp.from(at), ticketId, MAX_SUGGESTIONS);
    }

    /** What is offered on the request page: not dismissed, not copied since. */
    @Transactional(readOnly = true)
    public List<CcSuggestion> suggestions(long ticketId) {
        List<CcSuggestion> raw = jdbc.query(
                """
                select s.address, s.contact_id, s.suggested_at from request_cc_suggestion s
                 where s.ticket_id = ? and s.dismissed_at is null
                   and not exists (select 1 from request_cc c where c.ticket_id = s.ticket_id and c.address = s.address)
                 order by s.suggested_at, s.address""",
                (rs, n) -> new CcSuggestion(
                        rs.getString(1),
                        rs.getObject(2) == null ? null : rs.getLong(2),
                        null,
                        rs.getTimestamp(3).toInstant()),
                ticketId);
        // the name is the directory's, never the one the mail's header gave
        return raw.stream()
                .map(s -> s.contactId() == null
                        ? s
                        : new CcSuggestion(
                                s.address(),
                                s.contactId(),
                                customers.contact(s.contactId()).fullName(),
                                s.suggestedAt()))
                .toList();
    }

    /** Staff take a suggestion: copied as the contact it names, or as the address. */
    public CcEntry accept(long ticketId, String address, Actor actor) {
        String a = normal(address);
        List<Long> found = jdbc.query(
                "select contact_id from request_cc_suggestion where ticket_id = ? and address = ?",
                (rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1),
                ticketId,
                a);
        if (found.isEmpty()) {
            throw new DomainException("error.cc.noSuggestion", "No such suggestion", a);
        }
        return addAddress(ticketId, a, actor);
    }

    /** Staff decline a suggestion: it is not offered again. */
    public void dismiss(long ticketId, String address) {
        jdbc.update(
                "update request_cc_suggestion set dismissed_at = ? where ticket_id = ? and address = ? and dismissed_at is null",
                Timestamp.from(Instant.now(clock)),
                ticketId,
                normal(address));
    }

    private CcEntry add(TicketView ticket, String address, String name, Long contactId, Actor actor) {
        if (address.equalsIgnoreCase(ticket.contactEmail())) {
            throw new DomainException("error.cc.requester", "The request's contact gets its mail anyway", address);
        }
        if (isCopied(ticket.id(), address)) {
            throw new DomainException("error.cc.already", "Already copied", address);
        }
        Integer count =
                jdbc.queryForObject("select count(*) from request_cc where ticket_id = ?", Integer.class, ticket.id());
        if (count != null && count >= MAX_COPIES) {
            throw new DomainException("error.cc.tooMany", "Too many copies", MAX_COPIES);
        }
        Instant now = Instant.now(clock);
        String n = cut(name == null || name.isBlank() ? address : name.strip(), 200);
        int added = jdbc.update("""
                insert into request_cc (ticket_id, address, name, contact_id, added_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", ticket.id(), address, n, contactId, Timestamp.from(now));
        if (added == 0) {
            throw new DomainException("error.cc.already", "Already copied", address);
        }
        CcEntry entry = new CcEntry(address, n, contactId, now);
        desk.remark(ticket.id(), actor, "ccAdded", cut(entry.label(), 300));
        return entry;
    }

    /** An address as typed, checked: one plain address, no name, no line breaks. */
    static String valid(String address) {
        String a = normal(address);
        if (a.isEmpty() || a.length() > 254 || !ADDRESS.matcher(a).matches()) {
            throw new DomainException(
                    "error.cc.address", "Not an e-mail address", cut(address == null ? "" : address, 100));
        }
        return a;
    }

    static String normal(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
