package dev.tidesk.identity;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates logins for staff and client contacts. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final PasswordResets resets;

    private final Clock clock;

    Accounts(
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            PasswordResets resets,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.resets = resets;
    }

    /** A staff login opened by the system itself (the demo, an import); people go through the overload with {@code by}. */
    @Transactional
    public long createStaffAccount(String login, String displayName, Role role, long staffId, String password) {
        return createStaffAccount(login, displayName, role, staffId, password, null);
    }

    /**
     * A staff login with the given role, opened by {@code by} (null: the system). Only an admin opens an
     * admin's login ({@link #checkMayGrant}).
     */
    @Transactional
    public long createStaffAccount(
            String login, String displayName, Role role, long staffId, String password, TideskUser by) {
        if (!role.isStaff()) {
            throw new DomainException("error.role.notStaff", "Not a staff role: " + role);
        }
        checkMayGrant(by, null, role);
        checkStrength(password);
        Account account =
                new Account(login, passwordEncoder.encode(password), displayName, role, "ru", Instant.now(clock));
        account.setStaffId(staffId);
        ensureFree(login);
        Account saved = accounts.save(account);
        events.publishEvent(new RoleChanged(saved.getId(), saved.getLogin(), null, role, name(by)));
        return saved.getId();
    }

    /**
     * Moves a colleague's login to another staff role. Only an admin makes someone an admin or
     * takes it away, and the last admin stays one. The account's sessions end with the change, so
     * the new role holds from the next page on.
     */
    @Transactional
    public void changeRole(long staffId, Role to, TideskUser by) {
        Account account = accounts.findByStaffId(staffId)
                .orElseThrow(() -> new dev.tidesk.shared.NotFoundException("No login of staff member " + staffId));
        Role from = account.getRole();
        if (from == to) {
            return;
        }
        if (!to.isStaff()) {
            throw new DomainException("error.role.notStaff", "Not a staff role: " + to);
        }
        checkMayGrant(by, from, to);
        if (from == Role.ADMIN && account.isEnabled() && accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new DomainException("error.role.lastAdmin", "The last admin stays an admin");
        }
        account.changeRole(to);
        events.publishEvent(new RoleChanged(account.getId(), account.getLogin(), from, to, name(by)));
    }

    /**
     * Who may give a role: admins and heads manage the team, but only an admin grants or removes
     * {@link Role#ADMIN}. {@code by} null is the system itself.
     */
    static void checkMayGrant(TideskUser by, Role from, Role to) {
        if (by == null) {
            return;
        }
        if (!by.hasRole(Role.ADMIN, Role.HEAD)) {
            throw new DomainException("error.role.forbidden", "Only admins and heads manage the team");
        }
        if ((from == Role.ADMIN || to == Role.ADMIN) && !by.hasRole(Role.ADMIN)) {
            throw new DomainException("error.role.adminOnly", "Only an admin grants or removes the admin role");
        }
    }

    private static String name(TideskUser by) {
        return by == null ? "system" : by.getUsername();
    }

    /**
     * Sets the portal password of a contact's own login, opening the login when there is none. The
     * form speaks for one contact only: an address whose login belongs to anyone else (a colleague,
     * another contact) is refused, so a contact given a colleague's address opens nothing of theirs.
     */
    @Transactional
    public void setContactPassword(
            String login, String displayName, long contactId, long organizationId, String password, String locale) {
        java.util.Optional<Account> existing = accounts.findByLogin(login.trim());
        if (existing.isEmpty()) {
            createContactAccount(login, displayName, contactId, organizationId, password, locale);
            return;
        }
        Account account = ownedByContact(existing.get(), login, contactId);
        checkStrength(password);
        account.setPasswordHash(passwordEncoder.encode(password), Instant.now(clock));
        events.publishEvent(new PasswordReset(account.getId(), account.getLogin()));
    }

    private static Account ownedByContact(Account account, String login, long contactId) {
        if (account.getRole() != Role.CONTACT
                || account.getContactId() == null
                || account.getContactId() != contactId) {
            throw new DomainException(
                    "error.login.otherOwner", "The address " + login + " signs someone else in", login);
        }
        return account;
    }

    @Transactional
    public long createContactAccount(
            String login, String displayName, long contactId, long organizationId, String password, String locale) {
        checkStrength(password);
        Account account = new Account(
                login, passwordEncoder.encode(password), displayName, Role.CONTACT, locale, Instant.now(clock));
        account.linkContact(contactId, organizationId);
        ensureFree(login);
        return accounts.save(account).getId();
    }

    /** What inviting someone by e-mail did. */
    public enum Invitation {
        /** a login was opened and a link to choose its password mailed */
        INVITED,
        /** the login existed already: a link to set a new password was mailed */
        RESET_LINK_SENT,
        /** the login has had its three links this hour; nothing was sent */
        NOT_SENT
    }

    /**
     * Invites a contact to the portal by e-mail: opens their login with a password nobody knows and
     * mails a link to choose one ({@link PasswordResets#invite}), in one transaction. A contact who
     * has a login gets a link to set a new password instead.
     */
    @Transactional
    public Invitation inviteContact(
            String login,
            String displayName,
            long contactId,
            long organizationId,
            String locale,
            java.time.Instant now) {
        java.util.Optional<Account> existing = accounts.findByLogin(login.trim());
        if (existing.isPresent()) {
            ownedByContact(existing.get(), login, contactId);
            return resets.request(login, now) ? Invitation.RESET_LINK_SENT : Invitation.NOT_SENT;
        }
        long id = createContactAccount(login, displayName, contactId, organizationId, SecretTokens.newToken(), locale);
        accounts.findById(id).ifPresent(Account::awaitChosenPassword);
        return resets.invite(login, now) ? Invitation.INVITED : Invitation.NOT_SENT;
    }

    /**
     * A staff login whose owner is invited by e-mail to choose the password, in the caller's
     * transaction (the staff member is added in it).
     */
    @Transactional
    public long inviteStaff(String login, String displayName, Role role, long staffId, java.time.Instant now) {
        return inviteStaff(login, displayName, role, staffId, now, null);
    }

    @Transactional
    public long inviteStaff(
            String login, String displayName, Role role, long staffId, java.time.Instant now, TideskUser by) {
        long id = createStaffAccount(login, displayName, role, staffId, SecretTokens.newToken(), by);
        accounts.findById(id).ifPresent(Account::awaitChosenPassword);
        resets.invite(login, now);
        return id;
    }

    /** The languages an account's mail may be written in. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("ru", "en");

    /** The language of the mail Tidesk writes to this account's person (ru unless they chose en). */
    public String language(long accountId) {
        return accounts.findById(accountId).map(Account::getLocale).orElse("ru");
    }

    /** Sets the language of one's mail; anything but a known language is refused. */
    @Transactional
    public void changeLanguage(long accountId, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new DomainException("error.language", "Unknown language " + language);
        }
        accounts.findById(accountId)
                .orElseThrow(() -> new dev.tidesk.shared.NotFoundException("No account " + accountId))
                .changeLocale(language);
    }

    /** Changes one's own password after checking the current one. */
    @Transactional
    public void changePassword(long accountId, String currentPassword, String newPassword) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new dev.tidesk.shared.NotFoundException("No account " + accountId));
        if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, account.getPasswordHash())) {
            throw new DomainException("error.password.current", "The current password is wrong");
        }
        checkStrength(newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword), Instant.now(clock));
        events.publishEvent(new PasswordChanged(account.getId(), account.getLogin()));
    }

    static void checkStrength(String password) {
        if (password == null || password.length() < 8) {
            throw new DomainException("error.password.short", "Passwords have at least 8 characters", 8);
        }
    }

    /**
     * Closes or opens the login of a contact (who has one): a closed login signs nothing in and
     * its sessions end once the change commits ({@link AccountEnabledChanged}).
     */
    @Transactional
    public void enableContact(long contactId, boolean enabled) {
        accounts.findByContactId(contactId).ifPresent(a -> setEnabled(a, enabled));
    }

    /** As {@link #enableContact} for a colleague; the last enabled admin stays. */
    @Transactional
    public void enableStaff(long staffId, boolean enabled) {
        Account account = accounts.findByStaffId(staffId).orElse(null);
        if (account == null) {
            return;
        }
        if (!enabled
                && account.getRole() == Role.ADMIN
                && account.isEnabled()
                && accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new DomainException("error.role.lastAdmin", "The last admin stays an admin");
        }
        setEnabled(account, enabled);
    }

    private void setEnabled(Account account, boolean enabled) {
        if (account.isEnabled() != enabled) {
            account.setEnabled(enabled);
            events.publishEvent(new AccountEnabledChanged(account.getId(), account.getLogin(), enabled));
        }
    }

    /**
     * A contact's address, name or language changed: their login (their address) follows. A new
     * address that signs someone else in is refused; the sessions under the old login end.
     */
    @Transactional
    public void contactChanged(long contactId, String email, String displayName, String locale) {
        Account account = accounts.findByContactId(contactId).orElse(null);
        if (account == null) {
            return;
        }
        if (email == null || email.isBlank()) {
            throw new DomainException("error.contact.emailNeeded", "A contact with a portal login keeps an address");
        }
        String before = account.getLogin();
        if (!before.equalsIgnoreCase(email.trim())) {
            ensureFree(email);
        }
        account.rename(email, displayName, locale);
        if (!before.equals(account.getLogin())) {
            events.publishEvent(new LoginRenamed(account.getId(), before, account.getLogin()));
        }
    }

    /** A colleague's name changed: the login's display name follows. */
    @Transactional
    public void staffRenamed(long staffId, String displayName) {
        accounts.findByStaffId(staffId).ifPresent(a -> a.rename(a.getLogin(), displayName, null));
    }

    @Transactional(readOnly = true)
    /** Whether the login was opened by an invitation whose owner has not chosen a password yet. */
    public boolean invitationPending(String login) {
        return accounts.findByLogin(login.trim())
                .map(Account::isInvitationPending)
                .orElse(false);
    }

    public boolean loginTaken(String login) {
        return accounts.findByLogin(login.trim()).isPresent();
    }

    private void ensureFree(String login) {
        if (loginTaken(login)) {
            throw new DomainException("error.login.taken", "Login already taken: " + login, login);
        }
    }
}
