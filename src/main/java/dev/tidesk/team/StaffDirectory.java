package dev.tidesk.team;

import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team module's API: who works here, in which role, and whether they are available. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffRepository staff;
    private final Accounts accounts;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final Clock clock;

    StaffDirectory(
            StaffRepository staff,
            Accounts accounts,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            Clock clock) {
        this.jdbc = jdbc;
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
        StaffView before = member.view();
        member.changeRole(role, specialty);
        accounts.changeRole(staffId, role, by);
        record(
                staffId,
                by == null ? null : by.displayName(),
                "role",
                before.role(),
                member.view().role());
        record(
                staffId,
                by == null ? null : by.displayName(),
                "specialty",
                before.specialty(),
                member.view().specialty());
        return member.view();
    }

    /**
     * Edits a colleague's name, role and specialty, each change in their history; the role follows
     * the rules of {@link #changeRole}.
     */
    @Transactional
    public StaffView edit(
            long staffId, String fullName, Role role, Specialty specialty, dev.tidesk.identity.TideskUser by) {
        Staff member = load(staffId);
        StaffView before = member.view();
        member.rename(fullName);
        if (role != null && role != before.role()) {
            if (!role.isStaff()) {
                throw new dev.tidesk.shared.DomainException("error.role.notStaff", "Not a staff role: " + role);
            }
            member.changeRole(role, specialty);
            accounts.changeRole(staffId, role, by);
        }
        member.changeSpecialty(specialty);
        StaffView after = member.view();
        String actor = by == null ? null : by.displayName();
        record(staffId, actor, "fullName", before.fullName(), after.fullName());
        record(staffId, actor, "role", before.role(), after.role());
        record(staffId, actor, "specialty", before.specialty(), after.specialty());
        if (!before.fullName().equals(after.fullName())) {
            accounts.staffRenamed(staffId, after.fullName());
        }
        return after;
    }

    /**
     * A colleague leaves: their login is closed (sessions end), they leave the rotation and every
     * list of people to pick, and {@link StaffDeactivated} sends their open requests back to the
     * queue. Nobody deactivates themselves; the last admin stays.
     */
    @Transactional
    public StaffView deactivate(long staffId, dev.tidesk.identity.TideskUser by) {
        Staff member = load(staffId);
        if (!member.view().active()) {
            return member.view();
        }
        if (by != null && by.staffId() != null && by.staffId() == staffId) {
            throw new dev.tidesk.shared.DomainException("error.staff.self", "Nobody deactivates themselves");
        }
        if (by != null && member.view().role() == Role.ADMIN && !by.hasRole(Role.ADMIN)) {
            throw new dev.tidesk.shared.DomainException(
                    "error.role.adminOnly", "Only an admin grants or removes the admin role");
        }
        member.setActive(false);
        accounts.enableStaff(staffId, false);
        String actor = by == null ? null : by.displayName();
        record(staffId, actor, "active", true, false);
        events.publishEvent(new StaffDeactivated(staffId, member.view().fullName(), actor == null ? "system" : actor));
        return member.view();
    }

    /** A colleague comes back: their login opens again and they rejoin the rotation. */
    @Transactional
    public StaffView reactivate(long staffId, dev.tidesk.identity.TideskUser by) {
        Staff member = load(staffId);
        if (member.view().active()) {
            return member.view();
        }
        member.setActive(true);
        accounts.enableStaff(staffId, true);
        record(staffId, by == null ? null : by.displayName(), "active", false, true);
        return member.view();
    }

    /** Deactivated colleagues, for the staff page's reactivation. */
    public List<StaffView> former() {
        return staff.findInactive().stream().map(Staff::view).toList();
    }

    /** The colleague's changes, newest first. */
    public List<StaffChange> history(long staffId) {
        return jdbc.query(
                "select * from staff_change where staff_id = ? order by at desc, id desc limit 200",
                (rs, i) -> new StaffChange(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("field"),
                        rs.getString("from_value"),
                        rs.getString("to_value")),
                staffId);
    }

    private void record(long staffId, String actor, String field, Object from, Object to) {
        String before = from == null ? null : from.toString();
        String after = to == null ? null : to.toString();
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        jdbc.update(
                "insert into staff_change (staff_id, at, actor, field, from_value, to_value) values (?, ?, ?, ?, ?, ?)",
                staffId,
                java.sql.Timestamp.from(Instant.now(clock)),
                actor == null ? "system" : actor,
                field,
                before,
                after);
    }

    private Staff load(long staffId) {
        return staff.findById(staffId).orElseThrow(() -> new NotFoundException("No staff member " + staffId));
    }

    public StaffView member(long id) {
        return staff.findById(id).map(Staff::view).orElseThrow(() -> new NotFoundException("No staff member " + id));
    }

    public Optional<StaffView> byEmail(String email) {
        return staff.findByLowerEmail(email.toLowerCase(Locale.ROOT)).map(Staff::view);
    }

    /** Those of the addresses that are colleagues' (active or not), lower-cased: one query for them all. */
    public Set<String> staffAddresses(Collection<String> emails) {
        List<String> lower = emails.stream()
                .filter(Objects::nonNull)
                .map(e -> e.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        return lower.isEmpty() ? Set.of() : Set.copyOf(staff.findLowerEmailsIn(lower));
    }

    /** The ids of the active agents who are not away, in id order. */
    public List<Long> agentsOnDuty() {
        return staff.findActiveIds(Role.AGENT, Availability.AWAY);
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
