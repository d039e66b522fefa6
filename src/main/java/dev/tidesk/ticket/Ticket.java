package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A request (обращение). Its rules live here: which status may follow which, what a reply
 * does to the status, and that every change is written to the history with who did it.
 */
@Entity
class Ticket extends AbstractAggregateRoot<Ticket> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long number;
    private String tid;
    private String subject;
    private Long organizationId;
    private String organizationName;
    private Long contactId;
    private String contactName;
    private String contactEmail;
    private Long siteId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private short urgencyRank;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Long assigneeId;
    private String assigneeName;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant firstResponseAt;
    private Instant resolvedAt;
    private Instant closedAt;

    /** The request that absorbed this one in a merge; mail and pages naming this one reach it. */
    private Long mergedInto;

    @Version
    private int version;

    @Transient
    private final List<TicketHistory> changes = new ArrayList<>();

    protected Ticket() {}

    Ticket(
            long number,
            String tid,
            String subject,
            Requester requester,
            Long siteId,
            Channel channel,
            Urgency urgency,
            Actor actor,
            Instant now) {
        this.number = number;
        this.tid = tid;
        this.subject = subject.strip();
        this.organizationId = requester.organizationId();
        this.organizationName = requester.organizationName();
        this.contactId = requester.contactId();
        this.contactName = requester.contactName();
        this.contactEmail = requester.contactEmail();
        this.siteId = siteId;
        this.channel = Objects.requireNonNull(channel);
        this.urgency = urgency == null ? Urgency.NORMAL : urgency;
        this.urgencyRank = (short) this.urgency.ordinal();
        this.status = Status.NEW;
        this.createdAt = now;
        this.updatedAt = now;
        record(actor, now, "created", null, channel.name());
    }

    /** Moves to another status, or throws when the workflow does not allow it. */
    void changeStatus(Status target, Actor actor, Instant now) {
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(tid, status, target);
        }
        Status from = status;
        status = target;
        if (target == Status.RESOLVED) {
            resolvedAt = now;
        } else if (target == Status.CLOSED) {
            closedAt = now;
            if (resolvedAt == null) {
                resolvedAt = now;
            }
        } else if (!target.isOpen() || from == Status.RESOLVED || from == Status.CLOSED) {
            resolvedAt = null;
            closedAt = null;
        }
        record(actor, now, "status", from.name(), target.name());
        registerEvent(new RequestStatusChanged(id, tid, from, target));
    }

    void assign(Long staffId, String staffName, Actor actor, Instant now) {
        if (Objects.equals(assigneeId, staffId)) {
            return;
        }
        String from = assigneeName;
        assigneeId = staffId;
        assigneeName = staffId == null ? null : staffName;
        record(actor, now, "assignee", from, assigneeName);
        if (staffId != null && status == Status.NEW) {
            changeStatus(Status.OPEN, actor, now);
        }
        registerEvent(new RequestAssigned(id, tid, staffId, actor == null ? null : actor.staffId()));
    }

    void changeUrgency(Urgency target, Actor actor, Instant now) {
        if (target == null || target == urgency) {
            return;
        }
        record(actor, now, "urgency", urgency.name(), target.name());
        Urgency from = urgency;
        urgency = target;
        urgencyRank = (short) target.ordinal();
        registerEvent(new RequestUrgencyChanged(id, tid, from, target));
    }

    /** A public staff reply: the first one stops the first-response clock; a new request becomes open. */
    void staffReplied(long messageId, Actor actor, Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        if (status == Status.NEW) {
            changeStatus(Status.OPEN, actor, now);
        }
        touch(now);
        registerEvent(new StaffReplied(id, tid, messageId));
    }

    /** The client wrote: a request that waited for them, was resolved or closed is open again. */
    void clientReplied(long messageId, int files, Actor actor, Instant now) {
        if (status == Status.WAITING_FOR_CLIENT || status == Status.RESOLVED || status == Status.CLOSED) {
            changeStatus(Status.OPEN, actor, now);
        }
        touch(now);
        registerEvent(new ClientReplied(id, tid, messageId, files));
    }

    /**
     * Nobody answered the resolution for {@code businessDays} working days: the request closes by
     * itself, with a history entry saying why. False when it is no longer resolved (the client wrote).
     */
    boolean closeUnanswered(int businessDays, Instant now) {
        if (status != Status.RESOLVED) {
            return false;
        }
        Actor system = Actor.system();
        changeStatus(Status.CLOSED, system, now);
        record(system, now, "autoclose", null, Integer.toString(businessDays));
        return true;
    }

    /**
     * The client answers "Вопрос решён?": only a resolved or closed request is rated. A rating does not
     * reopen the request (a reply does).
     */
    void rate(boolean good, String comment, Actor client, Instant now) {
        if (status != Status.RESOLVED && status != Status.CLOSED) {
            throw new dev.tidesk.shared.DomainException(
                    "rating.error.not-resolved", "Only a resolved request can be rated", tid);
        }
        record(client, now, "rating", null, good ? "GOOD" : "BAD");
        registerEvent(new RequestRated(id, tid, good, comment, assigneeId, organizationId));
    }

    /** A step taken by another module (a deferral proposed, declined...), kept in the history. */
    void remark(Actor actor, Instant now, String field, String value) {
        record(actor, now, field, null, value);
    }

    void noted(long messageId, Actor actor, String body, Instant now) {
        touch(now);
        registerEvent(new InternalNoteAdded(id, tid, messageId, actor.staffId(), body));
    }

    /** Refuses a merge into itself, into another organization's request, of or into a merged request. */
    void checkMergeInto(Ticket survivor) {
        if (Objects.equals(survivor.id, id)) {
            throw new DomainException("error.merge.self", "A request cannot be merged into itself", tid);
        }
        if (mergedInto != null) {
            throw new DomainException("error.merge.alreadyMerged", "Request " + tid + " was merged already", tid);
        }
        if (survivor.mergedInto != null) {
            throw new DomainException(
                    "error.merge.intoMerged", "Request " + survivor.tid + " was merged into another", survivor.tid);
        }
        if (!Objects.equals(survivor.organizationId, organizationId)) {
            throw new DomainException(
                    "error.merge.otherOrganization",
                    "Request " + survivor.tid + " belongs to another organization",
                    survivor.tid);
        }
    }

    /**
     * Merges this request into {@code survivor}: the other modules move their rows on
     * {@link RequestsMerged} (published first, so they move before anything reacts to the close),
     * then this request closes, pointing at the survivor. Closed requests may be merged too.
     */
    void mergeInto(Ticket survivor, Actor actor, Instant now) {
        checkMergeInto(survivor);
        mergedInto = survivor.id;
        registerEvent(new RequestsMerged(id, tid, survivor.id, survivor.tid, organizationId, actor.staffId()));
        record(actor, now, "merged", null, survivor.tid);
        if (status != Status.CLOSED) {
            changeStatus(Status.CLOSED, actor, now);
        }
        survivor.record(actor, now, "mergedFrom", null, tid);
    }

    /** A message of this request was split off into {@code split}, a new request of the same client. */
    void splitOff(Ticket split, Actor actor, Instant now) {
        record(actor, now, "splitTo", null, split.tid);
        split.record(actor, now, "splitFrom", null, tid);
    }

    /** Records a link to (or its removal from) a related request. */
    void linked(String otherTid, boolean added, Actor actor, Instant now) {
        record(actor, now, added ? "linked" : "unlinked", null, otherTid);
    }

    void created(Actor actor) {
        registerEvent(new RequestCreated(id, tid, contactId, channel, actor == null ? null : actor.staffId()));
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private void record(Actor actor, Instant now, String field, String from, String to) {
        changes.add(new TicketHistory(actor.name(), now, field, from, to));
        touch(now);
    }

    /** History entries made since the request was loaded, to be saved with it. */
    List<TicketHistory> drainChanges() {
        List<TicketHistory> out = new ArrayList<>(changes);
        changes.clear();
        return out;
    }

    TicketView view() {
        return new TicketView(
                id,
                tid,
                subject,
                organizationId,
                organizationName,
                contactId,
                contactName,
                contactEmail,
                siteId,
                channel,
                urgency,
                status,
                assigneeId,
                assigneeName,
                createdAt,
                updatedAt,
                firstResponseAt,
                resolvedAt,
                mergedInto);
    }

    Long getId() {
        return id;
    }

    String getTid() {
        return tid;
    }

    Long getOrganizationId() {
        return organizationId;
    }

    Status getStatus() {
        return status;
    }

    Long getMergedInto() {
        return mergedInto;
    }

    String getSubject() {
        return subject;
    }

    Requester requester() {
        return new Requester(organizationId, organizationName, contactId, contactName, contactEmail);
    }

    Long getSiteId() {
        return siteId;
    }

    Channel getChannel() {
        return channel;
    }

    Urgency getUrgency() {
        return urgency;
    }

    Long getAssigneeId() {
        return assigneeId;
    }
}
