package dev.tidesk.identity;

import dev.tidesk.shared.DomainException;
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

    Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
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

    /**
     * A portal login for a contact whose password nobody knows yet: a random one, to be replaced by
     * the contact through an invitation link ({@link PasswordResets#invite}).
     */
    @Transactional
    public long createInvitedContactAccount(String login, String displayName, long contactId, long organizationId,
            String locale) {
        return createContactAccount(login, displayName, contactId, organizationId,
                dev.tidesk.shared.SecretTokens.newToken(), locale);
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
