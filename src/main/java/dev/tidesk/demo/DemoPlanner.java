package dev.tidesk.demo;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.customer.SiteView;
import dev.tidesk.demo.DemoData.OrgSeed;
import dev.tidesk.demo.DemoData.Topic;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.Urgency;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Plans the demo requests and their conversations without touching the database: who writes what
 * and when. Deterministic for a given random seed; only the moment "now" shifts the timeline.
 * Within a request every step comes after the previous one, and nothing is later than now.
 */
final class DemoPlanner {

    /** An organization as loaded, with the seed it came from. */
    record DemoOrg(OrganizationView organization, OrgSeed seed, List<ContactView> contacts, List<SiteView> sites) {}

    enum StepKind {
        STAFF_REPLY,
        CLIENT_REPLY,
        NOTE,
        STATUS,
        ASSIGN
    }

    record Step(StepKind kind, Instant at, Actor actor, String body, Status status, StaffView assignee) {}

    record PlannedRequest(
            DemoOrg org,
            ContactView contact,
            Long siteId,
            String subject,
            String body,
            Channel channel,
            Urgency urgency,
            Actor opener,
            Instant createdAt,
            Status target,
            List<Step> steps) {}

    static final int HISTORY_DAYS = 182;

    private final Random random;
    private final Instant now;
    private final ZoneId zone;
    private final List<DemoOrg> orgs;
    private final StaffView head;
    private final StaffView manager;
    private final List<StaffView> agents;
    private final List<StaffView> specialists;

    DemoPlanner(Random random, Instant now, ZoneId zone, List<StaffView> staff, List<DemoOrg> orgs) {
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.orgs = List.copyOf(orgs);
        this.head =
                staff.stream().filter(s -> s.role() == Role.HEAD).findFirst().orElseThrow();
        this.manager =
                staff.stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
        this.agents = staff.stream().filter(s -> s.role() == Role.AGENT).toList();
        this.specialists =
                staff.stream().filter(s -> s.role() == Role.SPECIALIST).toList();
    }

    /** Plans {@code count} requests, oldest first. */
    List<PlannedRequest> plan(int count) {
        List<PlannedRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(request());
        }
        out.sort(Comparator.comparing(PlannedRequest::createdAt));
        return out;
    }

    private PlannedRequest request() {
        DemoOrg org = pickOrganization();
        ContactView contact = pick(org.contacts());
        if (isEnglish(contact) && chance(0.5)) {
            contact = pick(org.contacts()); // English speakers write less often
        }
        boolean english = isEnglish(contact);
        Topic topic = english ? pick(DemoData.TOPICS_EN) : pickTopic(org);
        Long siteId =
                org.sites().isEmpty() || chance(0.12) ? null : pick(org.sites()).id();
        Channel channel = pickChannel();
        Urgency urgency = pickUrgency(topic);
        Instant created = creationTime();
        StaffView handler = org.seed().premium() && chance(0.8) ? manager : pick(agents);

        Actor opener = Actor.contact(contact.id(), contact.fullName());
        String body = topic.body();
        if (channel == Channel.PHONE) {
            StaffView receiver = chance(0.7) ? pick(agents) : handler;
            opener = actor(receiver);
            body = (english ? "Taken down from a phone call.\n\n" : DemoData.PHONE_PREFIX) + body;
        }
        Status target = pickTarget(Duration.between(created, now));
        Script script = new Script(contact, english);
        conversation(script, target, topic, contact, handler);
        return new PlannedRequest(
                org,
                contact,
                siteId,
                topic.subject(),
                body,
                channel,
                urgency,
                opener,
                created,
                target,
                script.timed(created, now.minusSeconds(60)));
    }

    /** The steps that bring a new request to {@code target}, through allowed transitions only. */
    private void conversation(Script s, Status target, Topic topic, ContactView contact, StaffView handler) {
        Actor client = Actor.contact(contact.id(), contact.fullName());
        Actor staff = actor(handler);
        if (target == Status.NEW) {
            if (chance(0.15)) {
                s.client(10, 240, client, s.phrases.followUps());
            }
            return;
        }
        boolean assigned = chance(0.9);
        if (assigned) {
            s.assign(5, 120, chance(0.3) ? actor(head) : staff, handler); // NEW -> OPEN
        }
        if (!assigned || chance(0.85)) {
            s.reply(1, 30, staff, pick(s.phrases.acknowledgements())); // NEW -> OPEN when unassigned
        }
        if (target == Status.OPEN) {
            if (chance(0.3)) {
                s.client(60, 600, client, s.phrases.followUps());
            }
            return;
        }
        if (target == Status.DEFERRED) {
            if (chance(0.3)) {
                s.note(10, 240, staff, pick(DemoData.NOTES));
            }
            s.reply(30, 600, staff, pick(s.phrases.deferrals()));
            s.status(1, 5, staff, Status.DEFERRED);
            return;
        }
        s.status(10, 240, staff, Status.IN_PROGRESS);
        StaffView specialist = chance(0.4) ? specialistFor(topic.specialty()) : null;
        if (specialist != null) {
            s.note(
                    5,
                    120,
                    staff,
                    DemoData.HANDOFF_NOTES
                            .get(random.nextInt(DemoData.HANDOFF_NOTES.size()))
                            .formatted(firstName(specialist)));
        }
        boolean waitingRound = target == Status.WAITING_FOR_CLIENT || chance(0.3);
        if (waitingRound) {
            s.reply(30, 600, staff, pick(s.phrases.questions()));
            s.status(0.5, 2, staff, Status.WAITING_FOR_CLIENT);
            if (target == Status.WAITING_FOR_CLIENT) {
                return;
            }
            s.client(60, 2880, client, s.phrases.answers()); // WAITING_FOR_CLIENT -> OPEN
            s.status(10, 120, staff, Status.IN_PROGRESS);
        }
        if (chance(0.2)) {
            s.client(600, 2880, client, s.phrases.followUps());
            s.reply(20, 240, staff, pick(s.phrases.progress()));
        }
        if (chance(0.25)) {
            s.note(10, 300, staff, pick(DemoData.NOTES));
        }
        if (target == Status.IN_PROGRESS) {
            return;
        }
        if (specialist != null) {
            s.note(120, 2880, actor(specialist), pick(DemoData.SPECIALIST_NOTES));
        }
        s.reply(60, 2880, staff, topic.resolution() + " " + pick(s.phrases.checkPlease()));
        if (chance(0.5)) {
            s.status(0.5, 2, staff, Status.WAITING_FOR_CLIENT);
            s.client(30, 1440, client, s.phrases.thanks()); // WAITING_FOR_CLIENT -> OPEN
            s.status(5, 60, staff, Status.RESOLVED);
        } else {
            s.status(1, 10, staff, Status.RESOLVED);
        }
        if (target == Status.CLOSED) {
            s.status(1440, 7200, chance(0.5) ? staff : Actor.system(), Status.CLOSED);
        }
    }

    private Status pickTarget(Duration age) {
        double days = age.toMinutes() / 1440.0;
        double r = random.nextDouble();
        if (days < 0.125) {
            return Status.NEW;
        }
        if (days < 2) {
            return r < 0.4
                    ? Status.NEW
                    : r < 0.65 ? Status.OPEN : r < 0.9 ? Status.IN_PROGRESS : Status.WAITING_FOR_CLIENT;
        }
        if (days < 7) {
            return r < 0.1
                    ? Status.NEW
                    : r < 0.25
                            ? Status.OPEN
                            : r < 0.55
                                    ? Status.IN_PROGRESS
                                    : r < 0.75
                                            ? Status.WAITING_FOR_CLIENT
                                            : r < 0.8 ? Status.DEFERRED : r < 0.95 ? Status.RESOLVED : Status.CLOSED;
        }
        if (days < 30) {
            return r < 0.08
                    ? Status.OPEN
                    : r < 0.23
                            ? Status.IN_PROGRESS
                            : r < 0.35
                                    ? Status.WAITING_FOR_CLIENT
                                    : r < 0.4 ? Status.DEFERRED : r < 0.7 ? Status.RESOLVED : Status.CLOSED;
        }
        return r < 0.03 ? Status.DEFERRED : r < 0.13 ? Status.RESOLVED : Status.CLOSED;
    }

    /**
     * A moment in the last six months, denser towards today (the business grows), mostly on
     * working days and in office hours of the installation's time zone, never in the future.
     */
    private Instant creationTime() {
        double daysAgo = HISTORY_DAYS * Math.pow(random.nextDouble(), 1.5);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate date = today.minusDays((long) daysAgo);
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY && chance(0.7)) {
            date = date.minusDays(1);
        } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY && chance(0.7)) {
            date = date.minusDays(2);
        }
        int minuteOfDay = chance(0.9) ? 9 * 60 + random.nextInt(10 * 60) : 19 * 60 + random.nextInt(4 * 60);
        Instant at = date.atTime(LocalTime.of(minuteOfDay / 60, minuteOfDay % 60, random.nextInt(60)))
                .atZone(zone)
                .toInstant();
        Instant latest = now.minus(Duration.ofMinutes(10));
        if (at.isAfter(latest)) {
            at = latest.minus(Duration.ofMinutes(random.nextInt(240)));
        }
        return at;
    }

    private DemoOrg pickOrganization() {
        int total = orgs.stream().mapToInt(o -> o.seed().weight()).sum();
        int r = random.nextInt(total);
        for (DemoOrg org : orgs) {
            r -= org.seed().weight();
            if (r < 0) {
                return org;
            }
        }
        return orgs.get(orgs.size() - 1);
    }

    private Topic pickTopic(DemoOrg org) {
        List<Topic> fitting = DemoData.TOPICS.stream()
                .filter(t -> t.kind() == null || org.seed().kinds().contains(t.kind()))
                .toList();
        return pick(fitting);
    }

    private Channel pickChannel() {
        double r = random.nextDouble();
        return r < 0.45 ? Channel.EMAIL : r < 0.8 ? Channel.PORTAL : Channel.PHONE;
    }

    /** Mostly what the topic usually is; sometimes the client sees it differently. */
    private Urgency pickUrgency(Topic topic) {
        double r = random.nextDouble();
        if (r < 0.6) {
            return topic.urgency() == Urgency.CRITICAL && chance(0.5) ? Urgency.HIGH : topic.urgency();
        }
        double q = random.nextDouble();
        return q < 0.75 ? Urgency.NORMAL : q < 0.88 ? Urgency.LOW : q < 0.98 ? Urgency.HIGH : Urgency.CRITICAL;
    }

    private StaffView specialistFor(Specialty specialty) {
        Specialty wanted = specialty == Specialty.SEO ? Specialty.CONTENT : specialty;
        return specialists.stream()
                .filter(s -> s.specialty() == specialty)
                .findFirst()
                .or(() -> specialists.stream()
                        .filter(s -> s.specialty() == wanted)
                        .findFirst())
                .orElse(specialists.isEmpty() ? null : specialists.get(0));
    }

    private static boolean isEnglish(ContactView contact) {
        return "en".equals(contact.language());
    }

    static Actor actor(StaffView staff) {
        return Actor.staff(staff.id(), staff.fullName());
    }

    private static String firstName(StaffView staff) {
        return staff.fullName().split(" ")[0];
    }

    /** "Иванова Марина Сергеевна" is addressed as "Марина Сергеевна"; "Daniel Becker" as "Daniel". */
    static String salutation(ContactView contact) {
        String[] parts = contact.fullName().trim().split("\\s+");
        if (isEnglish(contact)) {
            return "Hello " + parts[0] + ",";
        }
        return "Здравствуйте, " + (parts.length >= 3 ? parts[1] + " " + parts[2] : contact.fullName()) + "!";
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The phrases a conversation uses, by language. */
    record Phrases(
            List<String> acknowledgements,
            List<String> questions,
            List<String> answers,
            List<String> followUps,
            List<String> progress,
            List<String> checkPlease,
            List<String> thanks,
            List<String> deferrals,
            String signature) {

        static final Phrases RU = new Phrases(
                DemoData.ACKNOWLEDGEMENTS,
                DemoData.QUESTIONS,
                DemoData.ANSWERS,
                DemoData.FOLLOW_UPS,
                DemoData.PROGRESS_REPLIES,
                DemoData.CHECK_PLEASE,
                DemoData.THANKS,
                DemoData.DEFERRALS,
                DemoData.SIGNATURE);

        static final Phrases EN = new Phrases(
                DemoData.ACKNOWLEDGEMENTS_EN,
                DemoData.QUESTIONS_EN,
                DemoData.ANSWERS_EN,
                DemoData.FOLLOW_UPS_EN,
                DemoData.PROGRESS_REPLIES_EN,
                DemoData.CHECK_PLEASE_EN,
                DemoData.THANKS_EN,
                DemoData.DEFERRALS_EN,
                DemoData.SIGNATURE_EN);
    }

    /** Collects steps with their gaps in minutes; {@link #timed} turns the gaps into moments. */
    private final class Script {

        private final List<Step> steps = new ArrayList<>();
        private final List<Double> gaps = new ArrayList<>();
        private final ContactView contact;
        final Phrases phrases;

        Script(ContactView contact, boolean english) {
            this.contact = contact;
            this.phrases = english ? Phrases.EN : Phrases.RU;
        }

        void reply(double minGap, double maxGap, Actor staff, String text) {
            String body = salutation(contact) + "\n\n" + text + "\n\n"
                    + phrases.signature().formatted(staff.name());
            add(minGap, maxGap, new Step(StepKind.STAFF_REPLY, null, staff, body, null, null));
        }

        void client(double minGap, double maxGap, Actor client, List<String> texts) {
            add(minGap, maxGap, new Step(StepKind.CLIENT_REPLY, null, client, pick(texts), null, null));
        }

        void note(double minGap, double maxGap, Actor staff, String text) {
            add(minGap, maxGap, new Step(StepKind.NOTE, null, staff, text, null, null));
        }

        void status(double minGap, double maxGap, Actor actor, Status status) {
            add(minGap, maxGap, new Step(StepKind.STATUS, null, actor, null, status, null));
        }

        void assign(double minGap, double maxGap, Actor actor, StaffView assignee) {
            add(minGap, maxGap, new Step(StepKind.ASSIGN, null, actor, null, null, assignee));
        }

        private void add(double minGap, double maxGap, Step step) {
            gaps.add(minGap + random.nextDouble() * (maxGap - minGap));
            steps.add(step);
        }

        /**
         * Places the steps after {@code start}, staff steps in office hours and client steps in the
         * daytime. When that would run past {@code limit} (a recent request), the plain gaps are used
         * instead, shrunk in proportion so that the last step still lies before the limit.
         */
        List<Step> timed(Instant start, Instant limit) {
            List<Step> inOfficeHours = place(start, 1.0, true);
            if (inOfficeHours.isEmpty()
                    || !inOfficeHours.get(inOfficeHours.size() - 1).at().isAfter(limit)) {
                return inOfficeHours;
            }
            double total = gaps.stream().mapToDouble(Double::doubleValue).sum();
            double available = Math.max(0, Duration.between(start, limit).toSeconds() / 60.0);
            return place(start, total > available ? available / total : 1.0, false);
        }

        private List<Step> place(Instant start, double factor, boolean officeHours) {
            List<Step> out = new ArrayList<>(steps.size());
            Instant at = start;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                at = at.plusMillis(Math.max(1000, Math.round(gaps.get(i) * factor * 60_000)));
                if (officeHours) {
                    boolean staff = s.actor().staffId() != null || s.actor().contactId() == null;
                    at = staff ? within(at, 9, 19) : within(at, 8, 22);
                }
                out.add(new Step(s.kind(), at, s.actor(), s.body(), s.status(), s.assignee()));
            }
            return out;
        }

        /** The moment itself when its local hour is in [from, to), otherwise soon after {@code from} next. */
        private Instant within(Instant at, int from, int to) {
            ZonedDateTime local = at.atZone(zone);
            if (local.getHour() >= from && local.getHour() < to) {
                return at;
            }
            LocalDate day = local.getHour() >= to ? local.toLocalDate().plusDays(1) : local.toLocalDate();
            return day.atTime(from, 0).atZone(zone).toInstant().plusSeconds(60L * (5 + random.nextInt(90)));
        }
    }
}
