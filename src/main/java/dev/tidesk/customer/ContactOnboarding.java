package dev.tidesk.customer;

import dev.tidesk.identity.Accounts;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a contact to a client and, in the same transaction, what the admin asked for with it: the
 * monthly statement by e-mail and a portal login. A login needs an e-mail address; a password the
 * admin typed wins over an invitation (a login opened with a password nobody knows and a link to
 * choose one). Whatever fails (a weak password, an address that signs someone else in) leaves no
 * half-added contact behind.
 */
@Service
public class ContactOnboarding {

    /** The portal login to open for the new contact. */
    public sealed interface PortalLogin {

        /** No login now; one can be opened later from the client's page. */
        record None() implements PortalLogin {}

        /** A login with the password the admin typed. */
        record WithPassword(String password) implements PortalLogin {}

        /** A login whose owner chooses the password from an e-mailed link. */
        record Invited() implements PortalLogin {}

        /** The admin's form: a typed password wins, else the invitation box. */
        static PortalLogin of(String password, boolean invite) {
            if (password != null && !password.isBlank()) {
                return new WithPassword(password);
            }
            return invite ? new Invited() : new None();
        }
    }

    /** The contact added, and whether an invitation went out. */
    public record Added(ContactView contact, boolean invited) {}

    private final Customers customers;
    private final Accounts accounts;
    private final Clock clock;

    ContactOnboarding(Customers customers, Accounts accounts, Clock clock) {
        this.customers = customers;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Added add(
            long organizationId,
            String fullName,
            String email,
            String phone,
            String position,
            String language,
            boolean monthlyStatement,
            String password,
            boolean invite) {
        ContactView contact = customers.createContact(organizationId, fullName, email, phone, language, position);
        if (monthlyStatement) {
            contact = customers.changeMonthlyStatement(contact.id(), true);
        }
        if (contact.email() == null) {
            return new Added(contact, false);
        }
        PortalLogin login = PortalLogin.of(password, invite);
        if (login instanceof PortalLogin.WithPassword typed) {
            accounts.createContactAccount(
                    contact.email(),
                    contact.fullName(),
                    contact.id(),
                    organizationId,
                    typed.password(),
                    contact.language());
        } else if (login instanceof PortalLogin.Invited) {
            accounts.inviteContact(
                    contact.email(),
                    contact.fullName(),
                    contact.id(),
                    organizationId,
                    contact.language(),
                    Instant.now(clock));
            return new Added(contact, true);
        }
        return new Added(contact, false);
    }
}
