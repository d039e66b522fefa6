package dev.tidesk.mail.inbound;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who a mail comes from and who it brings in: whether its sender may write into a request, the
 * sender as a contact (a new one when needed), the author of a reply, and the client's colleagues in
 * its Cc offered for the request's CC list. Every header read here is the sender's word.
 */
@Component
class MailParticipants {

    private final AutoMailGuard guard;
    private final Customers customers;
    private final StaffDirectory staff;
    private final RequestQueries requests;
    private final InboundSettings settings;
    private final MailSettings mail;
    private final Threading threading;
    private final dev.tidesk.ticket.CcList copies;

    MailParticipants(
            AutoMailGuard guard,
            Customers customers,
            StaffDirectory staff,
            RequestQueries requests,
            InboundSettings settings,
            MailSettings mail,
            Threading threading,
            dev.tidesk.ticket.CcList copies) {
        this.guard = guard;
        this.customers = customers;
        this.staff = staff;
        this.requests = requests;
        this.settings = settings;
        this.mail = mail;
        this.threading = threading;
        this.copies = copies;
    }

    /**
     * A mail joined the request or opened it: its sender, To and Cc join the conversation (so that
     * they may write there by mail), and the client's colleagues among them are suggested for CC.
     */
    void bringIn(long ticketId, ParsedMail parsed, Instant now) {
        List<String> recipients = recipients(parsed);
        threading.addParticipants(ticketId, recipients);
        suggestColleagues(ticketId, parsed, recipients, now);
    }

    /**
     * The client's colleagues in the Cc of a mail that joined the request, offered to staff for the
     * request's CC list, never added: a known contact of the request's organization, or an address at
     * the organization's own mail domain. The header is the sender's word, so it only ever suggests;
     * names are the directory's, never the header's. One-off clients (the triage organization) have no
     * colleagues. Imported history suggests nothing.
     */
    void suggestColleagues(long ticketId, ParsedMail parsed, List<String> recipients, Instant now) {
        List<String> cc = MailParser.addresses(parsed.header("cc"));
        if (guard.isSilent() || cc.isEmpty()) {
            return;
        }
        TicketView ticket = requests.ticket(ticketId);
        Long organizationId = ticket.organizationId();
        if (organizationId == null
                || customers
                        .organizationByName(settings.triageOrganization())
                        .filter(o -> o.id() == organizationId)
                        .isPresent()) {
            return;
        }
        Set<String> own = Set.copyOf(recipients);
        int offered = 0;
        for (String address : cc) {
            if (offered >= 20) {
                break;
            }
            if (address == null || !address.contains("@") || address.length() > 254 || !own.contains(address)) {
                // not a client's address (ours, a colleague of ours) or not one address
                continue;
            }
            Optional<ContactView> contact = customers.contactByEmail(address);
            boolean colleague = contact.isPresent()
                    ? contact.get().organizationId() == organizationId
                    : customers
                            .organizationByEmailDomain(address.substring(address.indexOf('@') + 1))
                            .filter(o -> o.id() == organizationId)
                            .isPresent();
            if (colleague) {
                copies.suggest(ticketId, address, contact.map(ContactView::id).orElse(null), now);
                offered++;
            }
        }
    }

    /** The sender and the addresses they wrote to besides us: those they bring into the conversation. */
    List<String> recipients(ParsedMail parsed) {
        List<String> all = new ArrayList<>();
        all.add(parsed.fromAddress());
        all.addAll(MailParser.addresses(parsed.header("to")));
        all.addAll(MailParser.addresses(parsed.header("cc")));
        String ownDomain = "@" + mail.domain().toLowerCase(Locale.ROOT);
        String ownFrom = mail.from().toLowerCase(Locale.ROOT);
        String ownLocal = ownFrom.substring(0, ownFrom.indexOf('@'));
        String ownHost = ownFrom.substring(ownFrom.indexOf('@'));
        List<String> outside = all.stream()
                .filter(a -> a != null
                        && !a.endsWith(ownDomain)
                        && !a.equals(ownFrom)
                        && !(a.startsWith(ownLocal + mail.replySeparator()) && a.endsWith(ownHost)))
                .distinct()
                .toList();
        // the parser's addresses are lower-case, as the directory's answer is
        Set<String> colleagues = staff.staffAddresses(outside);
        return outside.stream().filter(a -> !colleagues.contains(a)).toList();
    }

    /**
     * Who may write into a request by mail: its contact, a contact of its organization (or a newcomer
     * from the organization's own mail domain, who becomes one), an address copied on the request
     * (CC), or an address that a mail accepted by this rule brought into the conversation. A
     * deactivated contact's address is a stranger's.
     */
    boolean mayJoin(String from, TicketView ticket) {
        Optional<ContactView> contact = customers.contactByEmail(from);
        if (ticket.contactEmail() != null && ticket.contactEmail().equalsIgnoreCase(from) && contact.isPresent()) {
            return true;
        }
        if (contact.isPresent()
                && ticket.organizationId() != null
                && contact.get().organizationId() == ticket.organizationId()) {
            return true;
        }
        if (contact.isEmpty() && ticket.organizationId() != null) {
            // not a contact yet, but from the organization's own domain: becomes its contact
            String domain = from.substring(from.indexOf('@') + 1);
            if (customers
                    .organizationByEmailDomain(domain)
                    .filter(o -> o.id() == ticket.organizationId())
                    .isPresent()) {
                return true;
            }
        }
        // a deactivated contact is a stranger now: what they wrote before does not let them in again
        if (customers.deactivatedAddress(from)) {
            return false;
        }
        // copied on the request (CC): trusted for this request only
        return copies.isCopied(ticket.id(), from) || threading.isParticipant(ticket.id(), from);
    }

    Actor replyAuthor(ParsedMail parsed, TicketView ticket) {
        Optional<ContactView> contact = customers.contactByEmail(parsed.fromAddress());
        if (contact.isPresent()) {
            return Actor.contact(contact.get().id(), contact.get().fullName());
        }
        String name = parsed.fromName() == null || parsed.fromName().isBlank()
                ? parsed.fromAddress()
                : parsed.fromName() + " <" + parsed.fromAddress() + ">";
        return new Actor(name, null, null);
    }

    /**
     * The sender as a contact: a known contact; a new contact of the organization whose domain
     * the address has; otherwise a one-off client filed under the triage organization (R7).
     */
    ContactView contact(ParsedMail parsed) {
        String from = parsed.fromAddress();
        Optional<ContactView> known = customers.contactByEmail(from);
        if (known.isPresent()) {
            return known.get();
        }
        String domain = from.substring(from.indexOf('@') + 1);
        String language = parsed.text() != null && parsed.text().matches("(?s).*[А-Яа-яЁё].*")
                        || parsed.subject().matches("(?s).*[А-Яа-яЁё].*")
                ? "ru"
                : "en";
        String name = parsed.fromName() == null || parsed.fromName().isBlank() ? from : parsed.fromName();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        OrganizationView organization = customers
                .organizationByEmailDomain(domain)
                .orElseGet(() -> customers.organizationNamed(settings.triageOrganization()));
        return customers.createContact(organization.id(), name, from, null, language);
    }
}
