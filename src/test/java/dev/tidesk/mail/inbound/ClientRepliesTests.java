package dev.tidesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a client's reply to a closed request opens a new linked one instead of reopening it: counted
 * from the resolution, else from the last change, against the installation's reopen days.
 */
class ClientRepliesTests {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @ParameterizedTest(name = "resolved {0} days ago, changed {1} days ago, reopen within {2}: long ago {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                // resolved long ago and closed by itself yesterday: still long ago
                "20, 1, 14, true",
                "15, 15, 14, true",
                // within the window, whenever it was last changed
                "13, 13, 14, false",
                "3, 40, 14, false",
                // no resolution kept: its last change counts
                "-, 15, 14, true",
                "-, 13, 14, false",
                "-, -, 14, false",
                // the window is the installation's
                "5, 5, 3, true",
                "5, 5, 7, false",
            })
    void aReplyReopensOnlyWithinTheReopenDays(
            Long resolvedDaysAgo, Long changedDaysAgo, int reopenDays, boolean longAgo) {
        TicketView closed = closed(daysAgo(resolvedDaysAgo), daysAgo(changedDaysAgo));
        assertThat(ClientReplies.closedLongAgo(closed, reopenDays, NOW)).isEqualTo(longAgo);
    }

    private static Instant daysAgo(Long days) {
        return days == null ? null : NOW.minus(Duration.ofDays(days));
    }

    private static TicketView closed(Instant resolvedAt, Instant updatedAt) {
        return new TicketView(
                1,
                "TID-1",
                "Корзина",
                2L,
                "Ромашка",
                3L,
                "Мария Иванова",
                "m.ivanova@romashka.example",
                null,
                Channel.EMAIL,
                Urgency.NORMAL,
                Status.CLOSED,
                null,
                null,
                NOW.minus(Duration.ofDays(60)),
                updatedAt,
                null,
                resolvedAt,
                null);
    }
}
