package dev.tidesk.customer;

import dev.tidesk.customer.DirectoryChange.Subject;
import dev.tidesk.identity.Accounts;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits, deactivates and reactivates organizations, contacts and sites, each change written to the
 * directory's history in the same transaction ({@link DirectoryChange}). A deactivated contact's
 * login is closed (their sessions end) and they are mailed nothing; a deactivated site is offered for
 * no new request; deactivating an organization deactivates its contacts. Nothing is deleted: the
 * requests, messages and hours of whatever was deactivated stay.
 */
@Service
@Transactional
public class DirectoryEditor {

    /** How many lines of history a page shows. */
    public static final int HISTORY_LINES = 200;

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String URL = "https?://\\S+";

    private final OrganizationRepository organizations;
    private final ContactRepository contacts;
    private final SiteRepository sites;
    private final DirectoryHistory history;
    private final Accounts accounts;
    private final Clock clock;

    DirectoryEditor(
            OrganizationRepository organizations,
            ContactRepository contacts,
            SiteRepository sites,
            DirectoryHistory history,
            Accounts accounts,
            Clock clock) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.sites = sites;
        this.history = history;
        this.accounts = accounts;
        this.clock = clock;
    }

    public OrganizationView editOrganization(long id, String name, String emailDomain, String actor) {
        Organization org = organization(id);
        OrganizationView before = org.view();
        if (name == null || name.isBlank()) {
            throw new DomainException("error.organization.name", "The organization needs a name");
        }
        organizations
                .findByLowerName(name.trim().toLowerCase(Locale.ROOT))
                .filter(other -> other.getId() != id)
                .ifPresent(other -> {
                    throw new DomainException("error.organization.taken", "Organization exists: " + name, name.trim());
                });
        if (emailDomain != null && !emailDomain.isBlank() && !emailDomain.trim().matches("[\\w.-]+\\.[\\w-]+")) {
            throw new DomainException("error.organization.domain", "Not a domain: " + emailDomain, emailDomain);
        }
        org.edit(name, emailDomain);
        OrganizationView after = org.view();
        Instant now = Instant.now(clock);
        record(after, now, actor, "name", before.name(), after.name());
        record(after, now, actor, "emailDomain", before.emailDomain(), after.emailDomain());
        return after;
    }

    /** Deactivates the organization and its active contacts; says how many contacts went with it. */
    public int deactivateOrganization(long id, String actor) {
        Organization org = organization(id);
        if (!org.view().active()) {
            return 0;
        }
        org.setActive(false);
        record(org.view(), Instant.now(clock), actor, "active", true, false);
        List<Contact> active = contacts.findByOrganizationIdAndActiveTrue(id);
        for (Contact c : active) {
            deactivateContact(c.getId(), actor);
        }
        return active.size();
    }

    /** Reactivates the organization; its contacts stay as they are, each is reactivated on its own. */
    public OrganizationView reactivateOrganization(long id, String actor) {
        Organization org = organization(id);
        if (!org.view().active()) {
            org.setActive(true);
            record(org.view(), Instant.now(clock), actor, "active", false, true);
        }
        return org.view();
    }

    public ContactView editContact(
            long id,
            String fullName,
            String email,
            String extraEmails,
            String phone,
            String position,
            String language,
            boolean monthlyStatement,
            String actor) {
        Contact contact = contact(id);
        ContactView before = contact.view();
        if (fullName == null || fullName.isBlank()) {
            throw new DomainException("error.contact.name", "The contact needs a name");
        }
        String address = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        if (address != null && !address.matches(EMAIL)) {
            throw new DomainException("error.contact.email", "Not an e-mail address: " + email, email);
        }
        if (address != null && before.active()) {
            contacts.findByLowerEmail(address)
                    .filter(other -> other.getId() != id)
                    .ifPresent(other -> {
                        throw new DomainException(
                                "error.contact.email-taken",
                                "A contact with this e-mail exists already: " + email,
                                email);
                    });
        }
        String extra = extraEmails(extraEmails, address);
        contact.edit(fullName, address, extra, phone, position, language);
        contact.setMonthlyStatement(monthlyStatement && address != null);
        ContactView after = contact.view();
        accounts.contactChanged(id, after.email(), after.fullName(), after.language());
        Instant now = Instant.now(clock);
        record(after, now, actor, "fullName", before.fullName(), after.fullName());
        record(after, now, actor, "email", before.email(), after.email());
        record(after, now, actor, "extraEmails", before.extraEmails(), after.extraEmails());
        record(after, now, actor, "phone", before.phone(), after.phone());
        record(after, now, actor, "position", before.position(), after.position());
        record(after, now, actor, "language", before.language(), after.language());
        record(after, now, actor, "monthlyStatement", before.monthlyStatement(), after.monthlyStatement());
        return after;
    }

    /** The further addresses, one per comma, checked and lower-cased; the main address is not repeated. */
    static String extraEmails(String text, String main) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            String a = part.trim().toLowerCase(Locale.ROOT);
            if (a.isEmpty() || a.equals(main) || out.contains(a)) {
                continue;
            }
            if (!a.matches(EMAIL)) {
                throw new DomainException("error.contact.email", "Not an e-mail address: " + part, part);
            }
            out.add(a);
        }
        String joined = String.join(", ", out);
        if (joined.length() > 1000) {
            throw new DomainException("error.contact.extraEmails", "Too many further addresses");
        }
        return joined.isEmpty() ? null : joined;
    }

    /** The contact signs nothing in (their sessions end) and is mailed nothing; their requests stay. */
    public ContactView deactivateContact(long id, String actor) {
        Contact contact = contact(id);
        if (contact.view().active()) {
            contact.setActive(false);
            accounts.enableContact(id, false);
            record(contact.view(), Instant.now(clock), actor, "active", true, false);
        }
        return contact.view();
    }

    /** Opens the contact's login again, unless another active contact has taken their address meanwhile. */
    public ContactView reactivateContact(long id, String actor) {
        Contact contact = contact(id);
        ContactView view = contact.view();
        if (view.active()) {
            return view;
        }
        if (view.email() != null
                && contacts.findByLowerEmail(view.email().toLowerCase(Locale.ROOT))
                        .isPresent()) {
            throw new DomainException(
                    "error.contact.email-taken",
                    "A contact with this e-mail exists already: " + view.email(),
                    view.email());
        }
        if (!organization(view.organizationId()).view().active()) {
            throw new DomainException("error.contact.organizationInactive", "The organization is deactivated");
        }
        // written first: the unique address of active contacts is checked by the database too
        contact.setActive(true);
        contacts.flush();
        accounts.enableContact(id, true);
        record(contact.view(), Instant.now(clock), actor, "active", false, true);
        return contact.view();
    }

    public SiteView editSite(long id, String name, String liveUrl, String testUrl, String actor) {
        Site site = site(id);
        SiteView before = site.view();
        if (liveUrl == null
                || !liveUrl.trim().matches(URL)
                || (testUrl != null && !testUrl.isBlank() && !testUrl.trim().matches(URL))) {
            throw new DomainException("error.site.url", "Site addresses start with http:// or https://");
        }
        String siteName = name == null || name.isBlank() ? liveUrl.trim().replaceFirst("https?://", "") : name.trim();
        site.edit(siteName, liveUrl.trim(), testUrl == null || testUrl.isBlank() ? null : testUrl.trim());
        SiteView after = site.view();
        Instant now = Instant.now(clock);
        record(after, now, actor, "name", before.name(), after.name());
        record(after, now, actor, "liveUrl", before.liveUrl(), after.liveUrl());
        record(after, now, actor, "testUrl", before.testUrl(), after.testUrl());
        return after;
    }

    public SiteView setSiteActive(long id, boolean active, String actor) {
        Site site = site(id);
        boolean before = site.view().active();
        site.setActive(active);
        record(site.view(), Instant.now(clock), actor, "active", before, active);
        return site.view();
    }

    /** The organization's changes and those of its contacts and sites, newest first. */
    @Transactional(readOnly = true)
    public List<DirectoryChange> historyOfOrganization(long organizationId) {
        return history.ofOrganization(organizationId, HISTORY_LINES);
    }

    @Transactional(readOnly = true)
    public List<DirectoryChange> historyOf(Subject subject, long id) {
        return history.of(subject, id, HISTORY_LINES);
    }

    private void record(OrganizationView o, Instant at, String actor, String field, Object from, Object to) {
        history.record(o.id(), Subject.ORGANIZATION, o.id(), o.name(), at, actor, field, from, to);
    }

    private void record(ContactView c, Instant at, String actor, String field, Object from, Object to) {
        history.record(c.organizationId(), Subject.CONTACT, c.id(), c.fullName(), at, actor, field, from, to);
    }

    private void record(SiteView s, Instant at, String actor, String field, Object from, Object to) {
        history.record(s.organizationId(), Subject.SITE, s.id(), s.name(), at, actor, field, from, to);
    }

    private Organization organization(long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("No organization " + id));
    }

    private Contact contact(long id) {
        return contacts.findById(id).orElseThrow(() -> new NotFoundException("No contact " + id));
    }

    private Site site(long id) {
        return sites.findById(id).orElseThrow(() -> new NotFoundException("No site " + id));
    }
}
