package dev.tidesk.contract.deferral;

import dev.tidesk.contract.ContractSettings;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.Installation;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.shared.SecretTokens;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Load levelling (R10): when a client's hours for the month are used up and a request is not
 * urgent, staff propose doing it next month. The client accepts or declines in the portal or by
 * the e-mail link (a random token; single use; expiring). Accepted requests wait as DEFERRED and
 * return to the queue on the 1st of the target month with their original creation time, so they
 * stand ahead of newer requests of the same urgency. Every step is written to the request's history.
 */
@NamedInterface("deferral")
@Service
@Transactional(readOnly = true)
public class Deferrals {

    private final DeferralRepository deferrals;
    private final RequestQueries requests;
    private final RequestDesk desk;
    private final Contracts contracts;
    private final Ledgers ledgers;
    private final ContractSettings settings;
    private final ApplicationEventPublisher events;
    private final Installation installation;
    private final Clock clock;

    Deferrals(
            DeferralRepository deferrals,
            RequestQueries requests,
            RequestDesk desk,
            Contracts contracts,
            Ledgers ledgers,
            ContractSettings settings,
            ApplicationEventPublisher events,
            Installation installation,
            Clock clock) {
        this.deferrals = deferrals;
        this.requests = requests;
        this.desk = desk;
        this.contracts = contracts;
        this.ledgers = ledgers;
        this.settings = settings;
        this.events = events;
        this.installation = installation;
        this.clock = clock;
    }

    /**
     * Whether "propose next month" is offered: a client with a contract whose included hours for
     * this month are used up, a normal or low urgency, an open request not deferred already and
     * without an open proposal.
     */
    public boolean canPropose(TicketView ticket) {
        if (ticket.organizationId() == null
                || ticket.contactId() == null
                || (ticket.urgency() != Urgency.NORMAL && ticket.urgency() != Urgency.LOW)
                || !ticket.status().isOpen()
                || ticket.status() == Status.DEFERRED
                || !ticket.status().canMoveTo(Status.DEFERRED)) {
            return false;
        }
        if (deferrals.findByTicket(ticket.id()).stream()
                .anyMatch(d -> d.getStatus() == DeferralStatus.PROPOSED || d.getStatus() == DeferralStatus.ACCEPTED)) {
            return false;
        }
        LedgerMonth month = ledgers.monthOf(ticket.organizationId(), YearMonth.from(today()));
        return month != null && month.usedMinutes() >= month.includedMinutes();
    }

    /** Proposes doing the request next month; the client is mailed the links (see {@link DeferralProposed}). */
    @Transactional
    public DeferralView propose(long ticketId, Actor staff) {
        TicketView ticket = requests.ticket(ticketId);
        if (!canPropose(ticket)) {
            throw new DomainException(
                    "deferral.error.not-offered",
                    "A deferral can be proposed for a non-urgent open request when the month's hours are used up");
        }
        String token = SecretTokens.newToken();
        Instant now = Instant.now(clock);
        YearMonth target = YearMonth.from(today()).plusMonths(1);
        Instant expires = now.plus(Duration.ofDays(settings.deferralLinkDays()));
        Deferral d = deferrals.save(new Deferral(
                ticketId, ticket.organizationId(), target, SecretTokens.hash(token), expires, staff.name(), now));
        desk.remark(ticketId, staff, "deferral", DeferralHistory.value(DeferralStatus.PROPOSED, target));
        events.publishEvent(new DeferralProposed(d.getId(), ticketId, target, token, expires));
        return d.view();
    }

    /** The proposal behind an e-mail link, for the organization of the signed-in contact; unknown links are "not found". */
    public DeferralView byToken(String token, long organizationId) {
        Deferral d = deferrals
                .findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("No deferral"));
        if (d.getOrganizationId() != organizationId) {
            throw new NotFoundException("No deferral");
        }
        return d.view();
    }

    /**
     * The proposal behind an e-mail link, the token being the only authority (the person may have
     * no portal login); an unknown (forged) token is "not found".
     */
    public DeferralView byToken(String token) {
        return byHash(token).view();
    }

    /**
     * Answers through the e-mail link with the token as the only authority, for the one request it
     * was mailed for. A used or expired link is refused and nothing changes.
     */
    @Transactional
    public DeferralView answerByToken(String token, boolean accept, Actor contact) {
        Deferral d = byHash(token);
        return answer(d, accept, d.getOrganizationId(), contact, Instant.now(clock));
    }

    private Deferral byHash(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("No deferral");
        }
        return deferrals
                .findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("No deferral"));
    }

    @Transactional
    public DeferralView answerByToken(String token, boolean accept, long organizationId, Actor contact) {
        return answerByToken(token, accept, organizationId, contact, Instant.now(clock));
    }

    @Transactional
    public DeferralView answerByToken(String token, boolean accept, long organizationId, Actor contact, Instant now) {
        Deferral d = deferrals
                .findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("No deferral"));
        return answer(d, accept, organizationId, contact, now);
    }

    /** Answers from the portal page (signed in; no token needed). */
    @Transactional
    public DeferralView answer(long deferralId, boolean accept, long organizationId, Actor contact) {
        Deferral d = deferrals.findById(deferralId).orElseThrow(() -> new NotFoundException("No deferral"));
        return answer(d, accept, organizationId, contact, Instant.now(clock));
    }

    private DeferralView answer(Deferral d, boolean accept, long organizationId, Actor contact, Instant now) {
        if (d.getOrganizationId() != organizationId) {
            throw new NotFoundException("No deferral");
        }
        d.answer(accept, contact.name(), now);
        if (accept) {
            desk.changeStatus(d.getTicketId(), Status.DEFERRED, contact, now);
        }
        desk.remark(
                d.getTicketId(),
                contact,
                "deferral",
                accept
                        ? DeferralHistory.value(DeferralStatus.ACCEPTED, d.getTargetMonth())
                        : DeferralStatus.DECLINED.name());
        events.publishEvent(new DeferralAnswered(d.getId(), d.getTicketId(), accept, d.getTargetMonth()));
        return d.view();
    }

    /** Open proposals of an organization, newest first, for the portal. */
    public List<DeferralView> proposalsOf(long organizationId) {
        Instant now = Instant.now(clock);
        return deferrals.findByOrganizationAndStatus(organizationId, DeferralStatus.PROPOSED).stream()
                .map(Deferral::view)
                .filter(v -> !v.expiredAt(now))
                .toList();
    }

    public List<DeferralView> ofTicket(long ticketId) {
        return deferrals.findByTicket(ticketId).stream().map(Deferral::view).toList();
    }

    /**
     * The deferral the client should see on the request now: the latest one, while it waits for
     * their answer (proposed, not expired) or for its month (accepted); otherwise none.
     */
    public java.util.Optional<DeferralView> pendingForClient(long ticketId) {
        List<DeferralView> all = ofTicket(ticketId);
        if (all.isEmpty()) {
            return java.util.Optional.empty();
        }
        DeferralView latest = all.get(0);
        boolean waiting = latest.status() == DeferralStatus.ACCEPTED;
        return latest.awaitsAnswerAt(Instant.now(clock)) || waiting
                ? java.util.Optional.of(latest)
                : java.util.Optional.empty();
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "${tidesk.time-zone:Europe/Moscow}")
    @SchedulerLock(name = "contract-deferral-return", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    @Transactional
    public void returnDueToday() {
        returnDue(today());
    }

    /**
     * Puts every accepted deferral whose month has come back in the queue (status OPEN). Idempotent.
     *
     * @return how many requests came back
     */
    @Transactional
    public int returnDue(LocalDate today) {
        int count = 0;
        Instant now = Instant.now(clock);
        for (Deferral d : deferrals.findDue(today)) {
            TicketView t = requests.ticket(d.getTicketId());
            if (t.status() == Status.DEFERRED) {
                desk.changeStatus(t.id(), Status.OPEN, Actor.system(), now);
                count++;
            }
            desk.remark(t.id(), Actor.system(), "deferral", DeferralStatus.RETURNED.name());
            d.returned(now);
        }
        return count;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(installation.timeZone()));
    }
}
