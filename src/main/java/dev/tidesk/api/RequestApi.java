package dev.tidesk.api;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.Installation;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/requests}: open a request for a contact, read it, reply to it. */
@RestController
class RequestApi {

    private final RequestIntake intake;
    private final RequestQueries queries;
    private final RequestDesk desk;
    private final Customers customers;
    private final Installation installation;
    private final TransactionTemplate transaction;

    RequestApi(
            RequestIntake intake,
            RequestQueries queries,
            RequestDesk desk,
            Customers customers,
            Installation installation,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.intake = intake;
        this.queries = queries;
        this.desk = desk;
        this.customers = customers;
        this.installation = installation;
    }

    /** A new request; the contact is given by id or by e-mail. */
    record NewRequestBody(
            Long contactId,
            String contactEmail,
            @NotBlank @Size(max = 300) String subject,
            @NotBlank @Size(max = 100_000) String body,
            Urgency urgency,
            Long siteId) {}

    record ReplyBody(@NotBlank @Size(max = 100_000) String body) {}

    record RequestResource(
            long id,
            String tid,
            String subject,
            String status,
            String urgency,
            String channel,
            Long organizationId,
            String organizationName,
            Long contactId,
            String contactName,
            String assignee,
            Instant createdAt,
            Instant updatedAt,
            String portalUrl) {}

    @PostMapping("/api/v1/requests")
    ResponseEntity<RequestResource> create(
            @AuthenticationPrincipal TideskUser me, @Valid @RequestBody NewRequestBody request) {
        // one transaction, so one commit (durable, so the costliest step), for the lookup and the request
        TicketView ticket = transaction.execute(s -> intake.open(new NewRequest(
                request.subject(),
                request.body(),
                contactOf(request).id(),
                request.siteId(),
                Channel.API,
                request.urgency(),
                List.of(),
                new Actor(me.displayName(), me.staffId(), null))));
        return ResponseEntity.created(URI.create("/api/v1/requests/" + ticket.tid()))
                .body(resource(ticket));
    }

    @GetMapping("/api/v1/requests/{tid}")
    RequestResource get(@PathVariable String tid) {
        return resource(survivor(tid));
    }

    @PostMapping("/api/v1/requests/{tid}/replies")
    ResponseEntity<RequestResource> reply(
            @AuthenticationPrincipal TideskUser me, @PathVariable String tid, @Valid @RequestBody ReplyBody reply) {
        TicketView ticket = survivor(tid);
        desk.reply(ticket.id(), new Actor(me.displayName(), me.staffId(), null), reply.body(), List.of());
        return ResponseEntity.status(201).body(resource(queries.ticket(ticket.id())));
    }

    /** The request with this TID or, when it was merged, the request it was merged into. */
    private TicketView survivor(String tid) {
        return queries.findSurvivorByTid(tid).orElseThrow(() -> new NotFoundException("No request " + tid));
    }

    private ContactView contactOf(NewRequestBody request) {
        if (request.contactId() != null) {
            return customers.contact(request.contactId());
        }
        if (request.contactEmail() != null) {
            return customers
                    .contactByEmail(request.contactEmail())
                    .orElseThrow(() -> new NotFoundException("No contact " + request.contactEmail()));
        }
        throw new DomainException("error.api.contact", "Give contactId or contactEmail");
    }

    private RequestResource resource(TicketView t) {
        return new RequestResource(
                t.id(),
                t.tid(),
                t.subject(),
                t.status().name(),
                t.urgency().name(),
                t.channel().name(),
                t.organizationId(),
                t.organizationName(),
                t.contactId(),
                t.contactName(),
                t.assigneeName(),
                t.createdAt(),
                t.updatedAt(),
                installation.baseUrl() + "/portal/requests/" + t.tid());
    }
}
