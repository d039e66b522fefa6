package dev.tidesk.mail.outbound;

import dev.tidesk.contract.deferral.DeferralProposed;
import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the client a proposal to do a request next month (R10) with accept and decline links.
 * Runs in the proposing transaction, like {@link Notifications}, so the mail is queued exactly
 * when the proposal is committed. The link's token is in the event only, never stored in clear.
 */
@Component
class DeferralMails {

    private final RequestQueries requests;
    private final Installation installation;
    private final ClientMailer mailer;

    DeferralMails(RequestQueries requests, Installation installation, ClientMailer mailer) {
        this.requests = requests;
        this.installation = installation;
        this.mailer = mailer;
    }

    @EventListener
    void on(DeferralProposed event) {
        TicketView ticket = requests.ticket(event.ticketId());
        String link = installation.baseUrl() + "/portal/answer/deferral/" + event.token();
        // the button and the links answer the deferral: the requester's alone
        mailer.send(ClientMail.about(
                        ticket,
                        "deferral:" + event.deferralId(),
                        "deferral",
                        link,
                        "mail.deferral.subject",
                        ticket.tid(),
                        ticket.subject())
                .withSingleUseLinks(
                        Map.of("acceptLink", link + "?answer=accept", "declineLink", link + "?answer=decline"))
                .withVars((locale, vars) -> {
                    vars.put(
                            "month",
                            event.targetMonth().atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale)));
                    vars.put("expires", installation.dateTime(event.expiresAt()));
                }));
    }
}
