package dev.tidesk.generator;

import dev.tidesk.generator.DataGenerator.Member;
import dev.tidesk.generator.DataGenerator.Org;
import dev.tidesk.generator.DataGenerator.Person;
import dev.tidesk.ticket.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One request with its conversation and history: the status follows the age (old requests are
 * closed, recent ones still open), the first reply and the resolution come after realistic delays
 * by urgency, and the conversation has about five messages.
 */
final class RequestWriter {

    private static final String[] CHANNELS = {"EMAIL", "PORTAL", "PHONE", "API"};
    private static final double[] CHANNEL_WEIGHTS = {0.45, 0.35, 0.15, 0.05};
    private static final String[] URGENCIES = {"CRITICAL", "HIGH", "NORMAL", "LOW"};
    private static final double[] URGENCY_WEIGHTS = {0.03, 0.17, 0.60, 0.20};
    private static final double[] FIRST_REPLY_MINUTES = {12, 35, 100, 260};
    private static final String[] STATUSES = {
        "NEW", "OPEN", "IN_PROGRESS", "WAITING_FOR_CLIENT", "DEFERRED", "RESOLVED", "CLOSED"
    };
    /** Status shares by age: under 2 days, under 2 weeks, under 2 months, older. */
    private static final double[][] STATUS_BY_AGE = {
        {0.35, 0.25, 0.18, 0.10, 0.02, 0.10, 0.00},
        {0.02, 0.08, 0.12, 0.10, 0.03, 0.35, 0.30},
        {0.00, 0.01, 0.02, 0.03, 0.02, 0.12, 0.80},
        {0.00, 0.0005, 0.0005, 0.001, 0.003, 0.02, 0.975}
    };

    private final SplittableRandom random;
    private final Instant reference;
    private final String tidPrefix;
    private final Member[] handlers;
    private final Member[] agents;
    private final Member[] managers;
    private final Member[] specialists;
    private final Org[] orgs;
    private final double[] orgCumulative;
    private final Instant[] times = new Instant[8];

    RequestWriter(
            SplittableRandom random,
            Instant reference,
            String tidPrefix,
            Member[] handlers,
            Member[] agents,
            Member[] managers,
            Member[] specialists,
            Org[] orgs,
            double[] orgCumulative) {
        this.random = random;
        this.reference = reference;
        this.tidPrefix = tidPrefix;
        this.handlers = handlers;
        this.agents = agents.length > 0 ? agents : handlers;
        this.managers = managers;
        this.specialists = specialists.length > 0 ? specialists : handlers;
        this.orgs = orgs;
        this.orgCumulative = orgCumulative;
    }

    void write(long id, long number, Instant created, CopyBuffer tickets, CopyBuffer messages, CopyBuffer history) {
        Org org = orgs[DataGenerator.pickCumulative(random, orgCumulative)];
        Person contact = org.contacts()[random.nextInt(org.contacts().length)];
        int siteIndex = random.nextInt(org.siteIds().length);
        boolean en = "en".equals(contact.language());
        List<Texts.Topic> topics = en ? Texts.TOPICS_EN : Texts.TOPICS_RU;
        Texts.Topic topic = topics.get(random.nextInt(topics.size()));
        String n = Integer.toString(1000 + random.nextInt(99_000));
        String subject = topic.subject().replace("{n}", n);
        String channel = CHANNELS[DataGenerator.pickIndex(random, CHANNEL_WEIGHTS)];
        int urgency = DataGenerator.pickIndex(random, URGENCY_WEIGHTS);
        long ageDays = Duration.between(created, reference).toDays();
        int band = ageDays < 2 ? 0 : ageDays < 14 ? 1 : ageDays < 60 ? 2 : 3;
        String status = STATUSES[DataGenerator.pickIndex(random, STATUS_BY_AGE[band])];
        Member assignee;
        if (status.equals("NEW")) {
            assignee = random.nextDouble() < 0.3 ? agents[random.nextInt(agents.length)] : null;
        } else if (org.manager() >= 0 && random.nextDouble() < 0.7) {
            assignee = managers[org.manager()];
        } else {
            assignee = random.nextDouble() < 0.97 ? handlers[random.nextInt(handlers.length)] : null;
        }
        Member replier = assignee != null ? assignee : agents[random.nextInt(agents.length)];

        Instant firstResponse = null;
        Instant resolved = null;
        Instant closed = null;
        if (!status.equals("NEW")) {
            firstResponse = within(created, lognormalMinutes(FIRST_REPLY_MINUTES[urgency], 1.1));
            if (!Status.valueOf(status).isOpen()) {
                resolved = within(firstResponse, lognormalMinutes(18 * 60 * (urgency + 1) / 3.0, 1.2));
                if (status.equals("CLOSED")) {
                    closed = within(resolved, lognormalMinutes(2 * 24 * 60, 0.8));
                }
            }
        }
        Instant updated = created;

        // Conversation
        String body = topic.body()
                .replace("{site}", org.siteUrls()[siteIndex])
                .replace("{n}", n)
                .replace("{name}", contact.name());
        if (channel.equals("PHONE")) {
            body = (en ? "Recorded from a phone call.\n\n" : "Записано со слов клиента по телефону.\n\n") + body;
        }
        message(messages, id, "CLIENT", contact.name(), null, contact.id(), body + "\n\n" + contact.name(), created);
        if (firstResponse != null) {
            message(
                    messages,
                    id,
                    "STAFF_REPLY",
                    replier.name(),
                    replier.id(),
                    null,
                    phrase(en ? Texts.ACK_EN : Texts.ACK_RU) + signature(replier, en),
                    firstResponse);
            Instant until = resolved != null ? resolved : reference;
            int exchanges = 0;
            while (exchanges < 4 && random.nextDouble() < 0.42) {
                exchanges++;
            }
            int count = 0;
            for (int k = 0; k < exchanges * 2; k++) {
                times[count++] = between(firstResponse, until);
            }
            Arrays.sort(times, 0, count);
            for (int k = 0; k < count; k++) {
                boolean client = k % 2 == 0;
                if (client) {
                    message(
                            messages,
                            id,
                            "CLIENT",
                            contact.name(),
                            null,
                            contact.id(),
                            phrase(en ? Texts.CLIENT_EN : Texts.CLIENT_RU),
                            times[k]);
                } else {
                    message(
                            messages,
                            id,
                            "STAFF_REPLY",
                            replier.name(),
                            replier.id(),
                            null,
                            phrase(en ? Texts.PROGRESS_EN : Texts.PROGRESS_RU) + signature(replier, en),
                            times[k]);
                }
                updated = max(updated, times[k]);
            }
            if (random.nextDouble() < 0.15) {
                Member author = random.nextBoolean() ? replier : specialists[random.nextInt(specialists.length)];
                Instant at = between(firstResponse, until);
                message(
                        messages,
                        id,
                        "INTERNAL_NOTE",
                        author.name(),
                        author.id(),
                        null,
                        phrase(en ? Texts.NOTES_EN : Texts.NOTES_RU),
                        at);
                updated = max(updated, at);
            }
            updated = max(updated, firstResponse);
        } else if (random.nextDouble() < 0.1) {
            Instant at = between(created, reference);
            message(
                    messages,
                    id,
                    "CLIENT",
                    contact.name(),
                    null,
                    contact.id(),
                    phrase(en ? Texts.CLIENT_EN : Texts.CLIENT_RU),
                    at);
            updated = max(updated, at);
        }
        if (resolved != null) {
            message(
                    messages,
                    id,
                    "STAFF_REPLY",
                    replier.name(),
                    replier.id(),
                    null,
                    phrase(en ? Texts.DONE_EN : Texts.DONE_RU) + signature(replier, en),
                    resolved);
            updated = max(updated, resolved);
            if (closed != null && random.nextDouble() < 0.6) {
                Instant at = between(resolved, closed);
                message(
                        messages,
                        id,
                        "CLIENT",
                        contact.name(),
                        null,
                        contact.id(),
                        phrase(en ? Texts.THANKS_EN : Texts.THANKS_RU),
                        at);
            }
        }

        // History
        if (assignee != null) {
            Instant at = firstResponse != null ? firstResponse : created.plusSeconds(60);
            history.add(id)
                    .add(min(at, reference))
                    .add(replier.name())
                    .add("assignee")
                    .add((String) null)
                    .add(assignee.name())
                    .end();
        }
        if (firstResponse != null) {
            history(history, id, firstResponse, replier, "NEW", "OPEN");
            String last = "OPEN";
            if (!status.equals("OPEN")) {
                Instant at = between(firstResponse, resolved != null ? resolved : reference);
                String middle = Status.valueOf(status).isOpen() ? status : "IN_PROGRESS";
                history(history, id, at, replier, last, middle);
                last = middle;
                updated = max(updated, at);
            }
            if (resolved != null) {
                history(history, id, resolved, replier, last, "RESOLVED");
            }
            if (closed != null) {
                history(history, id, closed, replier, "RESOLVED", "CLOSED");
                updated = max(updated, closed);
            }
        }

        tickets.add(id)
                .add(number)
                .add(tidPrefix + number)
                .add(subject)
                .add(org.id())
                .add(org.name())
                .add(contact.id())
                .add(contact.name())
                .add(contact.email())
                .add(org.siteIds()[siteIndex])
                .add(channel)
                .add(URGENCIES[urgency])
                .add(urgency)
                .add(status)
                .add(assignee == null ? null : assignee.id())
                .add(assignee == null ? null : assignee.name())
                .add(created)
                .add(updated)
                .add(firstResponse)
                .add(resolved)
                .add(closed)
                .add(0)
                .end();
    }

    private void message(
            CopyBuffer messages,
            long ticketId,
            String kind,
            String author,
            Long staffId,
            Long contactId,
            String body,
            Instant at) {
        messages.add(ticketId)
                .add(kind)
                .add(author)
                .add(staffId)
                .add(contactId)
                .add(body)
                .add(at)
                .end();
    }

    private void history(CopyBuffer history, long ticketId, Instant at, Member actor, String from, String to) {
        history.add(ticketId)
                .add(at)
                .add(actor.name())
                .add("status")
                .add(from)
                .add(to)
                .end();
    }

    private String phrase(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String signature(Member m, boolean en) {
        return (en ? "\n\nBest regards,\n" : "\n\nС уважением,\n") + m.name();
    }

    private double lognormalMinutes(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** {@code from} plus the minutes, but never at or after the reference time. */
    private Instant within(Instant from, double minutes) {
        Instant t = from.plusSeconds(Math.max(30, (long) (minutes * 60)));
        if (!t.isBefore(reference)) {
            t = between(from, reference);
        }
        return t;
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds(1 + random.nextLong(span));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
