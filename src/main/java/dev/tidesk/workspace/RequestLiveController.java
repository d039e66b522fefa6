package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.Mentions;
import dev.tidesk.notice.Notices;
import dev.tidesk.notice.Presence;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request page while it is open: messages that arrive are added in place, a client's reply is
 * announced, and colleagues typing a reply are named, so two agents don't answer one client twice.
 */
@Controller
class RequestLiveController {

    private final RequestQueries queries;
    private final Presence presence;
    private final Mentions mentions;
    private final Notices notices;

    RequestLiveController(RequestQueries queries, Presence presence, Mentions mentions, Notices notices) {
        this.queries = queries;
        this.presence = presence;
        this.mentions = mentions;
        this.notices = notices;
    }

    /**
     * What changed since the page showed the message {@code after} and the status {@code status}.
     * Messages the viewer now sees count as seen, as if they had opened the request again.
     */
    @GetMapping("/desk/requests/{tid}/live")
    String live(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Status status,
            Model model) {
        TicketView ticket = queries.byTid(tid);
        List<MessageView> arrived = queries.messages(ticket.id(), true).stream()
                .filter(m -> m.id() > after)
                .toList();
        if (!arrived.isEmpty() && me.staffId() != null) {
            notices.opened(ticket.id(), me.staffId());
        }
        model.addAttribute("ticket", ticket);
        model.addAttribute("newMessages", arrived);
        model.addAttribute("noteSegments", mentions.segmentsOf(arrived));
        model.addAttribute(
                "lastMessageId",
                arrived.stream().mapToLong(MessageView::id).max().orElse(after));
        model.addAttribute("clientReplied", arrived.stream().anyMatch(m -> m.kind() == MessageKind.CLIENT));
        model.addAttribute("statusChanged", status != null && status != ticket.status());
        model.addAttribute(
                "typing", me.staffId() == null ? List.of() : presence.othersTyping(ticket.id(), me.staffId()));
        return "workspace/requests/live :: live";
    }

    /** A heartbeat from the reply box: this person is writing on the request. */
    @PostMapping("/desk/requests/{tid}/presence")
    ResponseEntity<Void> typing(@AuthenticationPrincipal TideskUser me, @PathVariable String tid) {
        TicketView ticket = queries.byTid(tid);
        if (me.staffId() != null) {
            presence.typing(ticket.id(), me.staffId());
        }
        return ResponseEntity.noContent().build();
    }
}
