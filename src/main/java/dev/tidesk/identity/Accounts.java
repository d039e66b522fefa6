package dev.tidesk.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates logins for staff and client contacts. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public long createStaffAccount(String login, String displayName, Role role, long staffId, String password) {
        if (!role.isStaff()) {
            throw new IllegalArgumentException("Not a staff role: " + role);
        }
        Account account = new Account(login, passwordEncoder.encode(password), displayName, role, "ru");
        account.setStaffId(staffId);
        ensureFree(login);
        return accounts.save(account).getId();
    }

    @Transactional
    public long createContactAccount(String login, String displayName, long contactId, long organizationId,
            String password, String locale) {
        Account account = new Account(login, passwordEncoder.encode(password), displayName, Role.CONTACT, locale);
        account.linkContact(contactId, organizationId);
        ensureFree(login);
        return accounts.save(account).getId();
    }

    @Transactional(readOnly = true)
    public boolean loginTaken(String login) {
        return accounts.findByLogin(login.trim()).isPresent();
    }

    private void ensureFree(String login) {
        if (loginTaken(login)) {
            throw new IllegalArgumentException("Login already taken: " + login);
        }
    }
}
