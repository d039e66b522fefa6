package dev.tidesk.team;

import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team module's API: who works here, in which role, and whether they are available. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffRepository staff;
    private final Accounts accounts;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final Clock clock;

    StaffDirectory(
            StaffRepository staff,
            Accounts accounts,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.staff = staff;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Adds a staff member with a login (their e-mail) and the given password; without a password,
     * they are invited by e-mail to choose one.
     */
    @Transactional
    public StaffView hire(String fullName, String email, Role role, Specialty specialty, String password) {
        return hire(fullName, email, role, specialty, password, null);
    }

    /**
     * As above, done by {@code by} (null: the system): only an admin hires an admin
     * ({@link Accounts#checkMayGrant}).
     */
    @Transactional
    public StaffView hire(
            String fullName,
            String email,
            Role role,
            Specialty specialty,
            String password,
            dev.tidesk.identity.TideskUser by) {
        if (role == null || !role.isStaff()) {
            throw new dev.tidesk.shared.DomainException("error.role.notStaff", "Not a staff role: " + role);
        }
        if (staff.findByLowerEmail(email.trim().toLowerCase(Locale.ROOT)).isPresent()) {
            throw new dev.tidesk.shared.DomainException("error.login.taken", "Staff e-mail taken: " + email, email);
        }
        Staff member = staff.save(new Staff(fullName, email, role, specialty, Instant.now(clock)));
        if (password == null || password.isBlank()) {
            accounts.inviteStaff(email, fullName, role, member.getId(), java.time.Instant.now(clock), by);
        } else {
            accounts.createStaffAccount(email, fullName, role, member.getId(), password, by);
        }
        return member.view();
    }

    /**
     * Gives a colleague another role, on the staff record and the login alike; the rules of who may
     * grant what are the login's ({@link Accounts#changeRole}).
     */
    @Transactional
    public StaffView changeRole(long staffId, Role role, Specialty specialty, dev.tidesk.identity.TideskUser by) {
        Staff member = staff.findById(staffId).orElseThrow(() -> new NotFoundException("No staff member " + staffId));
        if (role == null || !role.isStaff()) {
            throw new dev.tidesk.shared.DomainException("error.role.notStaff", "Not a staff role: " + role);
        }
        member.changeRole(role, specialty);
        accounts.changeRole(staffId, role, by);
        return member.view();
    }

    public StaffView member(long id) {
        return staff.findById(id).map(Staff::view).orElseThrow(() -> new NotFoundException("No staff member " + id));
    }

    public Optional<StaffView> byEmail(String email) {
        return staff.findByLowerEmail(email.toLowerCase(Locale.ROOT)).map(Staff::view);
    }

    public List<StaffView> everyone() {
        return staff.findActive().stream().map(Staff::view).toList();
    }

    /** Sets whether the colleague is available; a change publishes {@link AvailabilityChanged}. */
    @Transactional
    public void setAvailability(long staffId, Availability availability) {
        Staff member = staff.findById(staffId).orElseThrow(() -> new NotFoundException("No staff member " + staffId));
        Availability before = member.view().availability();
        member.setAvailability(availability);
        if (before != availability) {
            events.publishEvent(new AvailabilityChanged(staffId, member.view().fullName(), before, availability));
        }
    }
}
