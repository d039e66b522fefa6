package dev.tidesk.routing;

import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Premium clients (and individual plans with a manager) go to their personal manager first: the
 * request is held for the manager for a while, unless the manager is away.
 */
@Component
class PersonalManagers {

    record Hold(long managerId, Instant until) {}

    private final StaffDirectory staff;
    private final Duration holdFor;

    PersonalManagers(StaffDirectory staff, @Value("${tidesk.routing.manager-hold:PT30M}") Duration holdFor) {
        this.staff = staff;
        this.holdFor = holdFor;
    }

    /** The hold for a new request, or null when it goes straight to the general queue. */
    Hold holdFor(ClientTerms terms, Instant createdAt) {
        StaffView manager = managerOf(terms);
        if (manager == null || manager.availability() == Availability.AWAY) {
            return null;
        }
        return new Hold(manager.id(), createdAt.plus(holdFor));
    }

    /** The client's manager when they are away, so that the request's note can say why it is in the queue. */
    StaffView awayManager(ClientTerms terms) {
        StaffView manager = managerOf(terms);
        return manager != null && manager.availability() == Availability.AWAY ? manager : null;
    }

    Duration holdTime() {
        return holdFor;
    }

    private StaffView managerOf(ClientTerms terms) {
        if (terms == null || terms.personalManagerId() == null) {
            return null;
        }
        try {
            StaffView manager = staff.member(terms.personalManagerId());
            // a deactivated manager holds nothing: the client's requests go to the general queue
            return manager.active() ? manager : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
