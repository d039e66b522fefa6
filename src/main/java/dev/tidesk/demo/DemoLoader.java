package dev.tidesk.demo;

import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.customer.SiteView;
import dev.tidesk.demo.DemoData.ContactSeed;
import dev.tidesk.demo.DemoData.OrgSeed;
import dev.tidesk.demo.DemoData.SiteSeed;
import dev.tidesk.demo.DemoData.StaffSeed;
import dev.tidesk.demo.DemoPlanner.DemoOrg;
import dev.tidesk.demo.DemoPlanner.PlannedRequest;
import dev.tidesk.demo.DemoPlanner.Step;
import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.Outbox;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo when Tidesk starts with {@code --demo} or {@code tidesk.demo=true} and no
 * organization exists yet, so a restart never loads it twice. Staff, each organization and each
 * batch of requests are committed in their own transaction.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    static final int REQUESTS = 300;
    static final long SEED = 42;
    private static final int BATCH = 25;

    private final Environment environment;
    private final Customers customers;
    private final StaffDirectory staffDirectory;
    private final Accounts accounts;
    private final RequestIntake intake;
    private final RequestDesk desk;
    private final Installation installation;
    private final TransactionTemplate transaction;
    private final Contracts contracts;
    private final WorkLog workLog;
    private final Outbox outbox;
    private final dev.tidesk.contract.ledger.MonthlyClose monthlyClose;

    private final Clock clock;
    private final dev.tidesk.system.EventEffects effects;
    private final DemoWork work;
    private final DemoLoading loading;
    private final dev.tidesk.contract.ledger.Agency agency;

    DemoLoader(
            Environment environment,
            Customers customers,
            StaffDirectory staffDirectory,
            Accounts accounts,
            RequestIntake intake,
            RequestDesk desk,
            Installation installation,
            PlatformTransactionManager transactionManager,
            Contracts contracts,
            WorkLog workLog,
            Outbox outbox,
            dev.tidesk.contract.ledger.MonthlyClose monthlyClose,
            dev.tidesk.system.EventEffects effects,
            DemoWork work,
            DemoLoading loading,
            dev.tidesk.contract.ledger.Agency agency,
            Clock clock) {
        this.work = work;
        this.loading = loading;
        this.agency = agency;
        this.clock = clock;
        this.effects = effects;
        this.monthlyClose = monthlyClose;
        this.outbox = outbox;
        this.contracts = contracts;
        this.workLog = workLog;
        this.environment = environment;
        this.customers = customers;
        this.staffDirectory = staffDirectory;
        this.accounts = accounts;
        this.intake = intake;
        this.desk = desk;
        this.installation = installation;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (!enabled(args)) {
                return;
            }
            if (!customers.organizations().isEmpty()) {
                log.info("Demo data not loaded: organizations exist already");
                return;
            }
            loading.started();
            load();
        } finally {
            // the pages answer again, loaded or not (a failed load stops Tidesk anyway)
            loading.finished();
        }
    }

    /** {@code --demo} or {@code tidesk.demo=true}; {@code --demo=false} is off. */
    private boolean enabled(ApplicationArguments args) {
        return DemoLoading.requested(environment)
                || args.containsOption("demo") && !args.getOptionValues("demo").contains("false");
    }

    private void load() {
        long started = System.nanoTime();
        Instant now = Instant.now(clock);
        log.info("Loading the demo data...");
        long mark = outbox.lastQueued();

        List<StaffView> staff = transaction.execute(status -> hireStaff());
        List<DemoOrg> orgs = new ArrayList<>();
        for (OrgSeed seed : DemoData.ORGANIZATIONS) {
            orgs.add(transaction.execute(status -> createOrganization(seed)));
        }

        // the agency and its first client carry requisites, so the closed months' акты are complete
        if (agency.requisites().isEmpty()) {
            agency.change(DemoData.AGENCY, "demo");
        }
        customers.changeRequisites(orgs.get(0).organization().id(), DemoData.ROMASHKA);
        log.debug("Demo staff and organizations created in {} ms", (System.nanoTime() - started) / 1_000_000);
        transaction.executeWithoutResult(status -> signContracts(orgs, staff, now));

        List<PlannedRequest> plans =
                new DemoPlanner(new Random(SEED), now, installation.timeZone(), staff, orgs).plan(REQUESTS);
        int messages = 0;
        List<TicketView> opened = new ArrayList<>();
        for (int from = 0; from < plans.size(); from += BATCH) {
            List<PlannedRequest> batch = plans.subList(from, Math.min(from + BATCH, plans.size()));
            messages += transaction.execute(status ->
                    batch.stream().mapToInt(plan -> open(plan, opened)).sum());
        }

        // what the requests led to: specialist tasks, a client over plan and their deferrals
        LocalDate today = LocalDate.ofInstant(now, installation.timeZone());
        int tasks = work.giveTasks(opened, staff, today);
        DemoOrg overPlan = work.overPlan(orgs, opened, staff, today);
        int deferrals = work.defer(overPlan, opened, staff);
        log.debug("{} demo tasks, {} deferrals", tasks, deferrals);

        // the six months behind us are closed the way an agency closes them, alerts included
        int closed = monthlyClose.closeUpTo(monthlyClose.lastClosable());
        log.debug("{} demo contract months closed", closed);
        // six months of notifications are history: they must never leave once SMTP is set up
        // the statements and alerts of those closes are mailed after they commit: wait for them
        effects.awaitSettled(java.time.Duration.ofMinutes(1));
        int history = outbox.recordAsHistory(mark);
        log.debug("{} demo notifications kept as history, not sent", history);
        int contacts = orgs.stream().mapToInt(o -> o.contacts().size()).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "Demo data loaded: {} organizations, {} contacts, {} staff, {} requests, {} messages in {} ms",
                orgs.size(),
                contacts,
                staff.size(),
                plans.size(),
                messages,
                millis);
        logLogins(orgs.get(0).contacts().get(0));
    }

    /** Hires the demo staff; someone already on the team (same e-mail) is kept as they are. */
    private List<StaffView> hireStaff() {
        List<StaffView> hired = new ArrayList<>();
        for (StaffSeed seed : DemoData.STAFF) {
            String email = seed.localPart() + "@" + DemoData.STAFF_DOMAIN;
            hired.add(staffDirectory
                    .byEmail(email)
                    .orElseGet(() -> staffDirectory.hire(
                            seed.fullName(), email, seed.role(), seed.specialty(), DemoData.PASSWORD)));
        }
        return hired;
    }

    /** The organization, its sites, and its contacts each with a portal login (their e-mail). */
    private DemoOrg createOrganization(OrgSeed seed) {
        OrganizationView org = customers.createOrganization(seed.name(), seed.domain());
        List<SiteView> sites = new ArrayList<>();
        for (SiteSeed site : seed.sites()) {
            sites.add(customers.createSite(org.id(), site.name(), site.liveUrl(), site.testUrl()));
        }
        List<ContactView> contacts = new ArrayList<>();
        for (ContactSeed c : seed.contacts()) {
            String email = c.localPart() + "@" + seed.domain();
            ContactView contact =
                    customers.createContact(org.id(), c.fullName(), email, c.phone(), c.language(), c.position());
            if (!accounts.loginTaken(email)) {
                accounts.createContactAccount(
                        email, c.fullName(), contact.id(), org.id(), DemoData.PASSWORD, c.language());
            }
            contacts.add(contact);
        }
        return new DemoOrg(org, seed, List.copyOf(contacts), List.copyOf(sites));
    }

    /**
     * Contracts as a real agency has them: the premium-like clients on Premium with the personal
     * manager, the others on Economy or Standard, all since six months ago; the last client works
     * without a contract (a one-off client, R7).
     */
    private void signContracts(List<DemoOrg> orgs, List<StaffView> staff, Instant now) {
        Long manager = staff.stream()
                .filter(s -> s.role() == Role.MANAGER)
                .map(StaffView::id)
                .findFirst()
                .orElse(null);
        LocalDate start =
                LocalDate.ofInstant(now, installation.timeZone()).minusMonths(6).withDayOfMonth(1);
        for (int i = 0; i < orgs.size() - 1; i++) {
            DemoOrg org = orgs.get(i);
            PlanCode plan =
                    org.seed().premium() ? PlanCode.PREMIUM : (i % 2 == 0 ? PlanCode.ECONOMY : PlanCode.STANDARD);
            contracts.sign(
                    org.organization().id(),
                    String.format("АП-%03d/%d", i + 1, start.getYear()),
                    start,
                    plan,
                    plan == PlanCode.PREMIUM ? manager : null,
                    i == 1,
                    null,
                    "demo");
        }
    }

    /** Norm-hours for a staff reply: most answers take a quarter to two hours of work. */
    private void logWork(TicketView ticket, Step step) {
        Long staffId = step.actor().staffId();
        if (staffId == null) {
            return;
        }
        int minutes = 15 * (1 + Math.floorMod(java.util.Objects.hash(ticket.id(), step.at()), 8));
        LocalDate day = LocalDate.ofInstant(step.at(), installation.timeZone());
        workLog.log(ticket.id(), null, staffId, step.actor().name(), day, minutes, WorkKind.WORK, null);
    }

    /** Opens one planned request and plays its conversation; returns the number of messages written. */
    private int open(PlannedRequest plan, List<TicketView> opened) {
        TicketView ticket = intake.open(
                new NewRequest(
                        plan.subject(),
                        plan.body(),
                        plan.contact().id(),
                        plan.siteId(),
                        plan.channel(),
                        plan.urgency(),
                        List.of(),
                        plan.opener()),
                plan.createdAt());
        opened.add(ticket);
        int messages = 1;
        for (Step step : plan.steps()) {
            switch (step.kind()) {
                case STAFF_REPLY -> {
                    desk.reply(ticket.id(), step.actor(), step.body(), List.of(), step.at());
                    logWork(ticket, step);
                    messages++;
                }
                case CLIENT_REPLY -> {
                    desk.clientReply(ticket.id(), step.actor(), step.body(), List.of(), step.at());
                    messages++;
                }
                case NOTE -> {
                    desk.note(ticket.id(), step.actor(), step.body(), List.of(), step.at());
                    messages++;
                }
                case STATUS -> desk.changeStatus(ticket.id(), step.status(), step.actor(), step.at());
                case ASSIGN ->
                    desk.assign(
                            ticket.id(), step.assignee().id(), step.assignee().fullName(), step.actor(), step.at());
            }
        }
        return messages;
    }

    private void logLogins(ContactView contact) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n\n==========================================================\n");
        sb.append(" Tidesk demo logins (password for all: ")
                .append(DemoData.PASSWORD)
                .append(")\n");
        for (Role role : List.of(Role.HEAD, Role.AGENT, Role.MANAGER, Role.SPECIALIST)) {
            DemoData.STAFF.stream()
                    .filter(s -> s.role() == role)
                    .findFirst()
                    .ifPresent(s -> sb.append(
                            String.format("   %-10s %s%n", role, s.localPart() + "@" + DemoData.STAFF_DOMAIN)));
        }
        sb.append(String.format("   %-10s %s (portal)%n", "CONTACT", contact.email()));
        sb.append(" Staff sign in at /desk/login, contacts at /portal/login.\n");
        sb.append("==========================================================");
        log.info(sb.toString());
    }
}
