package dev.tidesk.identity;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.SecretTokens;
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

    Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            PasswordResets resets) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.resets = resets;
    }

    @Transactional
    public long createStaffAccount(String login, String displayName, Role role, long staffId, String password) {
        if (!role.isStaff()) {
            throw new IllegalArgumentException("Not a staff role: " + role);
        }
        checkStrength(password);
        Account account = new Account(login, passwordEncoder.encode(password), displayName, role, "ru");
        account.setStaffId(staffId);
        ensureFree(login);
        return accounts.save(account).getId();
    }

    @Transactional
    public long createContactAccount(String login, String displayName, long contactId, long organizationId,
            String password, String locale) {
        checkStrength(password);
        Account account = new Account(login, passwordEncoder.encode(password), displayName, Role.CONTACT, locale);
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
    public Invitation inviteContact(String login, String displayName, long contactId, long organizationId,
            String locale, java.time.Instant now) {
        if (loginTaken(login)) {
            return resets.request(login, now) ? Invitation.RESET_LINK_SENT : Invitation.NOT_SENT;
        }
        createContactAccount(login, displayName, contactId, organizationId, SecretTokens.newToken(), locale);
        return resets.invite(login, now) ? Invitation.INVITED : Invitation.NOT_SENT;
    }

    /**
     * A staff login whose owner is invited by e-mail to choose the password, in the caller's
     * transaction (the staff member is added in it).
     */
    @Transactional
    public long inviteStaff(String login, String displayName, Role role, long staffId, java.time.Instant now) {
        long id = createStaffAccount(login, displayName, role, staffId, SecretTokens.newToken());
        resets.invite(login, now);
        return id;
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
        account.setPasswordHash(passwordEncoder.encode(newPassword));
    }

    /**
     * An admin sets a new password for a login (for a contact or colleague who lost theirs); whoever
     * was signed in with it is signed out ({@link PasswordReset}).
     */
    @Transactional
    public void resetPassword(String login, String newPassword) {
        checkStrength(newPassword);
        Account account = accounts.findByLogin(login.trim())
                .orElseThrow(() -> new dev.tidesk.shared.NotFoundException("No login " + login));
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordReset(account.getId(), account.getLogin()));
    }

    static void checkStrength(String password) {
        if (password == null || password.length() < 8) {
            throw new DomainException("error.password.short", "Passwords have at least 8 characters", 8);
        }
    }

    @Transactional(readOnly = true)
    public boolean loginTaken(String login) {
        return accounts.findByLogin(login.trim()).isPresent();
    }

    private void ensureFree(String login) {
        if (loginTaken(login)) {
            throw new DomainException("error.login.taken", "Login already taken: " + login, login);
        }
    }
}
