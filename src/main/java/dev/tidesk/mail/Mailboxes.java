package dev.tidesk.mail;

import dev.tidesk.mail.inbound.Mailbox;
import dev.tidesk.mail.inbound.MailboxRepository;
import dev.tidesk.mail.trust.SecretBox;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The polled mailboxes an admin sets up; polling itself is {@link MailboxPoller}'s. */
@Service
@Transactional(readOnly = true)
public class Mailboxes {

    private final MailboxRepository mailboxes;
    private final InboundSettings settings;
    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    private final java.util.Set<Integer> allowedPorts;

    Mailboxes(
            MailboxRepository mailboxes,
            InboundSettings settings,
            JdbcTemplate jdbc,
            SecretBox secrets,
            @org.springframework.beans.factory.annotation.Value("${tidesk.mail.inbound.allowed-ports:143,993}")
                    java.util.Set<Integer> allowedPorts) {
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.allowedPorts = allowedPorts;
    }

    /**
     * A mailbox typed into the admin's form. Its port must be an IMAP port (143, 993) or one that
     * {@code tidesk.mail.inbound.allowed-ports} allows, so that the form can't be used to probe other
     * services inside the network. (Mailboxes of the properties are the operator's and take any port.)
     */
    @Transactional
    public MailboxView addFromForm(MailboxSettings settings) {
        if (!allowedPorts.contains(settings.port())) {
            throw new DomainException(
                    "error.mailbox.port",
                    "Port not allowed: " + settings.port(),
                    String.valueOf(settings.port()),
                    allowedPorts.stream()
                            .sorted()
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        return add(settings);
    }

    /** Passwords stored in plaintext or in the older unsalted form are sealed in the current form; returns how many. */
    @Transactional
    public int encryptPlaintextPasswords() {
        int n = 0;
        for (var row : jdbc.queryForList("select id, password from mail_mailbox where password <> '' "
                + "and password not like 'v2:%' for update")) {
            n += jdbc.update(
                    "update mail_mailbox set password = ? where id = ?",
                    secrets.encrypt(secrets.decrypt((String) row.get("password"))),
                    row.get("id"));
        }
        return n;
    }

    public List<MailboxView> all() {
        return mailboxes.findAllOrdered().stream().map(Mailbox::view).toList();
    }

    public MailboxView mailbox(long id) {
        return load(id).view();
    }

    @Transactional
    public MailboxView add(MailboxSettings settings) {
        validate(settings);
        if (mailboxes.findByName(settings.name()).isPresent()) {
            throw new DomainException("error.mailbox.exists", "A mailbox with this name exists", settings.name());
        }
        return mailboxes.save(new Mailbox(settings)).view();
    }

    @Transactional
    public MailboxView change(long id, MailboxSettings settings) {
        validate(settings);
        Mailbox mailbox = load(id);
        mailboxes
                .findByName(settings.name())
                .filter(other -> !other.getId().equals(id))
                .ifPresent(other -> {
                    throw new DomainException(
                            "error.mailbox.exists", "A mailbox with this name exists", settings.name());
                });
        mailbox.update(settings);
        return mailbox.view();
    }

    /** The mailboxes of the properties, added or updated by name when the application starts. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Transactional
    public void configureFromProperties() {
        encryptPlaintextPasswords();
        for (MailboxSettings s : settings.mailboxes()) {
            validate(s);
            mailboxes.findByName(s.name()).ifPresentOrElse(m -> m.update(s), () -> mailboxes.save(new Mailbox(s)));
        }
    }

    @Transactional
    public void remove(long id) {
        mailboxes.delete(load(id));
    }

    private static void validate(MailboxSettings s) {
        if (s.name().isEmpty() || s.host().isEmpty() || s.username().isEmpty()) {
            throw new DomainException("error.mailbox.incomplete", "Name, host and login are required");
        }
        if (s.name().matches("(?i)smtp|import")) {
            throw new DomainException("error.mailbox.reserved", "This name is reserved", s.name());
        }
    }

    private Mailbox load(long id) {
        return mailboxes.findById(id).orElseThrow(() -> new NotFoundException("No mailbox " + id));
    }
}
