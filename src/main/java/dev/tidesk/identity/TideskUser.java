package dev.tidesk.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person: a staff member or a client contact, with the ids the pages need to
 * scope what they show.
 */
public class TideskUser extends User {

    private final long accountId;
    private final Role role;
    private final Long staffId;
    private final Long contactId;
    private final Long organizationId;
    private final String displayName;
    private final String locale;

    TideskUser(Account account, boolean nonLocked) {
        super(
                account.getLogin(),
                account.getPasswordHash(),
                account.isEnabled(),
                true,
                true,
                nonLocked,
                authorities(account.getRole()));
        this.accountId = account.getId();
        this.role = account.getRole();
        this.staffId = account.getStaffId();
        this.contactId = account.getContactId();
        this.organizationId = account.getOrganizationId();
        this.displayName = account.getDisplayName();
        this.locale = account.getLocale();
    }

    private static Collection<GrantedAuthority> authorities(Role role) {
        List<GrantedAuthority> list = new ArrayList<>();
        list.add(new SimpleGrantedAuthority(role.authority()));
        list.add(new SimpleGrantedAuthority(role.isStaff() ? "ROLE_STAFF" : "ROLE_CLIENT"));
        return list;
    }

    public long accountId() {
        return accountId;
    }

    public Role role() {
        return role;
    }

    public Long staffId() {
        return staffId;
    }

    public Long contactId() {
        return contactId;
    }

    public Long organizationId() {
        return organizationId;
    }

    public String displayName() {
        return displayName;
    }

    public String locale() {
        return locale;
    }

    public boolean hasRole(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
