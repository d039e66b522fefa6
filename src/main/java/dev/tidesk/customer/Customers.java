package dev.tidesk.customer;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.shared.Requisites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's API: organizations, their contacts and sites. */
@Service
@Transactional(readOnly = true)
public class Customers {

    private final OrganizationRepository organizations;
    private final ContactRepository contacts;
    private final SiteRepository sites;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final Clock clock;

    Customers(
            OrganizationRepository organizations,
            ContactRepository contacts,
            SiteRepository sites,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.contacts = contacts;
        this.sites = sites;
    }

    @Transactional
    public OrganizationView createOrganization(String name, String emailDomain) {
        if (name == null || name.isBlank()) {
            throw new DomainException("error.organization.name", "The organization needs a name");
        }
        if (organizations.findByLowerName(lower(name.trim())).isPresent()) {
            throw new DomainException("error.organization.taken", "Organization exists: " + name, name.trim());
        }
        if (emailDomain != null && !emailDomain.isBlank() && !emailDomain.trim().matches("[\\w.-]+\\.[\\w-]+")) {
            throw new DomainException("error.organization.domain", "Not a domain: " + emailDomain, emailDomain);
        }
        return organizations
                .save(new Organization(name, emailDomain, Instant.now(clock)))
                .view();
    }

    /**
     * The organization of that name, created when there is none. Two mails from new senders
     * processed at the same moment both ask for the triage organization: the second waits for the
     * first's insert and then finds it, where creating it twice failed one of them.
     */
    @Transactional
    public OrganizationView organizationNamed(String name) {
        if (name == null || name.isBlank()) {
            throw new DomainException("error.organization.name", "The organization needs a name");
        }
        jdbc.update("insert into organization (name) values (?) on conflict do nothing", name.trim());
        return organizations
                .findByLowerName(lower(name.trim()))
                .map(Organization::view)
                .orElseThrow();
    }

    @Transactional
    public ContactView createContact(
            long organizationId, String fullName, String email, String phone, String language) {
        return createContact(organizationId, fullName, email, phone, language, null);
    }

    @Transactional
    public ContactView createContact(
            long organizationId, String fullName, String email, String phone, String language, String position) {
        organization(organizationId);
        if (fullName == null || fullName.isBlank()) {
            throw new DomainException("error.contact.name", "The contact needs a name");
        }
        if (email != null && !email.isBlank() && !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new DomainException("error.contact.email", "Not an e-mail address: " + email, email);
        }
        if (email != null
                && !email.isBlank()
                && contacts.findByLowerEmail(lower(email.trim())).isPresent()) {
            throw new DomainException(
                    "error.contact.email-taken", "A contact with this e-mail exists already: " + email, email);
        }
        Contact contact = new Contact(organizationId, fullName, email, phone, language, Instant.now(clock));
        contact.setPosition(position == null || position.isBlank() ? null : position.strip());
        return contacts.save(contact).view();
    }

    @Transactional
    public SiteView createSite(long organizationId, String name, String liveUrl, String testUrl) {
        organization(organizationId);
        if (liveUrl == null
                || !liveUrl.trim().matches("https?://\\S+")
                || (testUrl != null && !testUrl.isBlank() && !testUrl.trim().matches("https?://\\S+"))) {
            throw new DomainException("error.site.url", "Site addresses start with http:// or https://");
        }
        String siteName = name == null || name.isBlank() ? liveUrl.trim().replaceFirst("https?://", "") : name.trim();
        return sites.save(new Site(
                        organizationId,
                        siteName,
                        liveUrl.trim(),
                        testUrl == null || testUrl.isBlank() ? null : testUrl.trim(),
                        Instant.now(clock)))
                .view();
    }

    public OrganizationView organization(long id) {
        return organizations
                .findById(id)
                .map(Organization::view)
                .orElseThrow(() -> new NotFoundException("No organization " + id));
    }

    /** The organization's requisites for documents (the monthly акт); empty fields are null. */
    public Requisites requisitesOf(long organizationId) {
        return organizations
                .findById(organizationId)
                .map(Organization::requisites)
                .orElseThrow(() -> new NotFoundException("No organization " + organizationId));
    }

    /** Replaces the organization's requisites with these (checked by the form that sends them). */
    @Transactional
    public Requisites changeRequisites(long organizationId, Requisites requisites) {
        Organization org = organizations
                .findById(organizationId)
                .orElseThrow(() -> new NotFoundException("No organization " + organizationId));
        org.changeRequisites(requisites);
        return org.requisites();
    }

    /** The organization whose e-mail domain this is (case-insensitive), if exactly one has it. */
    public Optional<OrganizationView> organizationByEmailDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return Optional.empty();
        }
        // a deactivated client takes no newcomers by its domain: they are strangers, as anyone unknown
        List<Organization> found = organizations.findByLowerEmailDomain(lower(domain.strip())).stream()
                .filter(o -> o.view().active())
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0).view()) : Optional.empty();
    }

    public Optional<OrganizationView> organizationByName(String name) {
        return name == null
                ? Optional.empty()
                : organizations.findByLowerName(lower(name.strip())).map(Organization::view);
    }

    public List<OrganizationView> organizations() {
        return organizations.findAllOrdered().stream().map(Organization::view).toList();
    }

    /**
     * Every organization's id and name, by name: the options of a filter or a form. Reads two columns,
     * not the organizations' requisites (the request list and each report page showed 1,000
     * organizations through {@link #organizations}: 1 ms of the database and the entities' loading).
     */
    public List<OrganizationChoice> organizationChoices() {
        return organizations.findChoices();
    }

    /**
     * At most {@code limit} organizations whose name holds {@code text} (any case), active ones first,
     * by name; the first ones by name for a blank text. The choices of the organization picker.
     */
    public List<OrganizationChoice> organizationChoices(String text, int limit) {
        return organizations.findChoicesNamed(
                dev.tidesk.shared.LikePattern.containing(text), PageRequest.of(0, Math.max(1, limit)));
    }

    /** The organization as a choice, or empty when there is none with this id (null included). */
    public Optional<OrganizationChoice> organizationChoice(Long id) {
        return id == null
                ? Optional.empty()
                : organizations.findById(id).map(Organization::view).map(o -> new OrganizationChoice(o.id(), o.name()));
    }

    public ContactView contact(long id) {
        return contacts.findById(id).map(Contact::view).orElseThrow(() -> new NotFoundException("No contact " + id));
    }

    /** The active contact with this address: a deactivated contact's address is a stranger's. */
    public Optional<ContactView> contactByEmail(String email) {
        return email == null
                ? Optional.empty()
                : contacts.findByLowerEmail(lower(email.trim())).map(Contact::view);
    }

    /** Whether the address is a deactivated contact's and no active contact's. */
    public boolean deactivatedAddress(String email) {
        if (email == null || email.isBlank() || contactByEmail(email).isPresent()) {
            return false;
        }
        Integer n = jdbc.queryForObject(
                "select count(*) from contact where lower(email) = ? and not active",
                Integer.class,
                lower(email.trim()));
        return n != null && n > 0;
    }

    /** Turns the monthly statement by e-mail on or off for a contact. */
    @Transactional
    public ContactView changeMonthlyStatement(long contactId, boolean wanted) {
        Contact contact =
                contacts.findById(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
        contact.setMonthlyStatement(wanted);
        return contact.view();
    }

    /** The organization's active contacts with an e-mail address who asked for the monthly statement. */
    public List<ContactView> statementRecipients(long organizationId) {
        return contactsOf(organizationId).stream()
                .filter(c -> c.active() && c.monthlyStatement() && c.email() != null)
                .toList();
    }

    public List<ContactView> contactsOf(long organizationId) {
        return contacts.findByOrganizationIdOrderByFullName(organizationId).stream()
                .map(Contact::view)
                .toList();
    }

    /** The first {@code limit} contacts of an organization by name (a list to pick from, kept short). */
    public List<ContactView> contactsOf(long organizationId, int limit) {
        return contacts
                .findByOrganizationIdOrderByFullName(
                        organizationId, org.springframework.data.domain.PageRequest.of(0, limit))
                .stream()
                .map(Contact::view)
                .toList();
    }

    /** Finds contacts by part of the name, the e-mail or the phone number (digits only are compared). */
    public List<ContactView> searchContacts(String text, int limit) {
        String q = text == null ? "" : text.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        String digits = digits(q);
        return contacts
                .search(q, digits == null || digits.length() < 3 ? "" : digits, PageRequest.of(0, limit))
                .stream()
                .map(Contact::view)
                .toList();
    }

    public List<SiteView> sitesOf(long organizationId) {
        return sites.findByOrganizationIdOrderByName(organizationId).stream()
                .map(Site::view)
                .toList();
    }

    /** The sites a new request may be about: the deactivated ones are left out. */
    public List<SiteView> activeSitesOf(long organizationId) {
        return sitesOf(organizationId).stream().filter(SiteView::active).toList();
    }

    public Optional<SiteView> site(long id) {
        return sites.findById(id).map(Site::view);
    }

    static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String d = phone.replaceAll("\\D", "");
        return d.isEmpty() ? null : d;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
