package dev.tidesk.demo;

import dev.tidesk.contract.deferral.DeferralView;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.demo.DemoPlanner.DemoOrg;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.Installation;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the demo's requests lead to, so that every screen has something to show: specialist tasks
 * in every status (live and test copy, accepted, declined, deployed, cancelled), a client who works
 * over their plan (norm-hours above 120 % in the last closed months, and this month's hours used
 * up) and that client's deferrals, pending and answered. All of it goes through the modules' own
 * services, as staff and clients would do it.
 */
@Component
class DemoWork {

    /** A task the demo gives a specialist, and how far it gets. */
    record TaskSeed(
            Specialty specialty,
            Environment environment,
            String title,
            String description,
            String hours,
            TaskEnd end) {}

    enum TaskEnd {
        TODO,
        STARTED,
        AWAITING_ACCEPTANCE,
        ACCEPTED,
        DECLINED,
        DONE,
        CANCELLED
    }

    static final List<TaskSeed> TASKS = List.of(
            new TaskSeed(
                    Specialty.DEVELOPER,
                    Environment.LIVE,
                    "Исправить ошибку 500 при оформлении заказа",
                    "Ошибка появляется, когда корзина пуста; подробности в переписке.",
                    "2",
                    TaskEnd.TODO),
            new TaskSeed(
                    Specialty.DESIGNER,
                    Environment.LIVE,
                    "Подготовить баннер к распродаже",
                    "Три размера: для главной, для мобильной версии и для рассылки.",
                    "3",
                    TaskEnd.STARTED),
            new TaskSeed(
                    Specialty.DEVELOPER,
                    Environment.TEST,
                    "Новая форма обратной связи",
                    "Поля: имя, телефон, сообщение; письма на адрес отдела продаж.",
                    "4",
                    TaskEnd.AWAITING_ACCEPTANCE),
            new TaskSeed(
                    Specialty.DEVELOPER,
                    Environment.TEST,
                    "Обновить модуль онлайн-оплаты",
                    "Новая версия модуля банка; проверить возвраты на тестовой копии.",
                    "5",
                    TaskEnd.ACCEPTED),
            new TaskSeed(
                    Specialty.DESIGNER,
                    Environment.TEST,
                    "Новый дизайн карточки товара",
                    "Крупные фото, цена и кнопка «Купить» на первом экране.",
                    "6",
                    TaskEnd.DECLINED),
            new TaskSeed(
                    Specialty.CONTENT,
                    Environment.LIVE,
                    "Обновить прайс-лист на сайте",
                    "Новый прайс от клиента во вложении к обращению.",
                    "1",
                    TaskEnd.DONE),
            new TaskSeed(
                    Specialty.SYSADMIN,
                    Environment.TEST,
                    "Перевести сайт на PHP 8.2",
                    "Сначала тестовая копия, затем рабочий сайт ночью.",
                    "3",
                    TaskEnd.DONE),
            new TaskSeed(
                    Specialty.CONTENT,
                    Environment.LIVE,
                    "Переписать тексты раздела «О компании»",
                    "Клиент пришлёт новые тексты сам.",
                    "2",
                    TaskEnd.CANCELLED));

    /** Requests that can wait for next month: subject and text. */
    static final List<String[]> CAN_WAIT = List.of(
            new String[] {
                "Добавить раздел «Вакансии»",
                "Хотим раздел с вакансиями, как у конкурентов. Не горит, можно в следующем месяце."
            },
            new String[] {"Обновить фотографии в галерее", "Пришлём новые фото магазина, нужно заменить старые."},
            new String[] {"Поменять шрифт в подвале сайта", "Мелко и плохо читается на телефоне."});

    private static final String DECLINED_COMMENT = "Кнопка «Купить» слишком мелкая на телефоне, сделайте крупнее.";

    private final TaskBoard tasks;
    private final Deferrals deferrals;
    private final Ledgers ledgers;
    private final WorkLog workLog;
    private final RequestQueries requests;
    private final RequestIntake intake;
    private final ZoneId zone;

    DemoWork(
            TaskBoard tasks,
            Deferrals deferrals,
            Ledgers ledgers,
            WorkLog workLog,
            RequestQueries requests,
            RequestIntake intake,
            Installation installation) {
        this.intake = intake;
        this.zone = installation.timeZone();
        this.tasks = tasks;
        this.deferrals = deferrals;
        this.ledgers = ledgers;
        this.workLog = workLog;
        this.requests = requests;
    }

    /**
     * Gives the tasks to the specialists, on the open requests of clients with a site, newest
     * first, one task a request.
     *
     * @return the tasks created
     */
    int giveTasks(List<TicketView> opened, List<StaffView> staff, LocalDate today) {
        Map<Specialty, StaffView> specialists = staff.stream()
                .filter(s -> s.role() == Role.SPECIALIST && s.specialty() != null)
                .collect(Collectors.toMap(StaffView::specialty, s -> s, (a, b) -> a));
        List<TicketView> candidates = current(opened).stream()
                .filter(t -> t.siteId() != null && t.assigneeId() != null)
                .filter(t -> t.status() == Status.OPEN || t.status() == Status.IN_PROGRESS)
                .sorted(Comparator.comparing(TicketView::createdAt).reversed())
                .toList();
        int given = 0;
        for (int i = 0; i < TASKS.size() && i < candidates.size(); i++) {
            TaskSeed seed = TASKS.get(i);
            StaffView specialist = specialists.get(seed.specialty());
            if (specialist == null) {
                continue;
            }
            give(candidates.get(i), seed, specialist, today);
            given++;
        }
        return given;
    }

    private void give(TicketView ticket, TaskSeed seed, StaffView specialist, LocalDate today) {
        String agent = ticket.assigneeName();
        TaskView task = tasks.create(
                new NewTask(
                        ticket.id(),
                        seed.specialty(),
                        specialist.id(),
                        seed.title(),
                        seed.description(),
                        new BigDecimal(seed.hours()),
                        seed.environment()),
                agent);
        long id = task.id();
        String who = specialist.fullName();
        Long by = specialist.id();
        String client = ticket.contactName();
        switch (seed.end()) {
            case TODO -> {}
            case CANCELLED -> tasks.cancel(id, null, agent);
            default -> {
                tasks.start(id, by, who);
                tasks.logHours(id, ticket.id(), by, who, today, 60, WorkKind.WORK, null);
                boolean test = tasks.task(id).environment() == Environment.TEST;
                if (test && seed.end() != TaskEnd.STARTED) {
                    tasks.readyOnTestCopy(id, by, who);
                }
                switch (seed.end()) {
                    case ACCEPTED -> tasks.accept(id, ticket.id(), client);
                    case DECLINED -> tasks.decline(id, ticket.id(), client, DECLINED_COMMENT);
                    case DONE -> {
                        if (test) {
                            tasks.accept(id, ticket.id(), client);
                        }
                        tasks.complete(id, by, who);
                    }
                    default -> {}
                }
            }
        }
    }

    /**
     * Makes the first client on a plan one that works over it: norm-hours at 140 % of the plan in
     * each of the last three past months (more than the 120 % in two of three that raises a plan
     * alert at the close) and this month's hours used up, logged by support on that client's own
     * requests, never before a request came in.
     *
     * @return the client made to work over their plan, if any
     */
    DemoOrg overPlan(List<DemoOrg> orgs, List<TicketView> opened, List<StaffView> staff, LocalDate today) {
        List<StaffView> agents =
                staff.stream().filter(s -> s.role() == Role.AGENT).toList();
        for (DemoOrg org : orgs) {
            long orgId = org.organization().id();
            if (ledgers.monthOf(orgId, YearMonth.from(today)) == null) {
                continue; // a one-off client has no plan to work over
            }
            List<TicketView> own = opened.stream()
                    .filter(t -> t.organizationId() != null && t.organizationId() == orgId)
                    .toList();
            for (int back = 3; back >= 0; back--) {
                YearMonth month = YearMonth.from(today).minusMonths(back);
                LedgerMonth ledger = ledgers.monthOf(orgId, month);
                if (ledger == null) {
                    continue;
                }
                long target = back == 0 ? ledger.includedMinutes() : ledger.includedMinutes() * 14 / 10;
                long missing = target - ledger.usedMinutes();
                LocalDate last = back == 0 ? today : month.atEndOfMonth();
                List<TicketView> ofMonth = own.stream()
                        .filter(t -> !day(t).isAfter(last) && !day(t).isBefore(month.atDay(1)))
                        .toList();
                for (int i = 0; missing > 0 && !ofMonth.isEmpty(); i++) {
                    TicketView t = ofMonth.get(i % ofMonth.size());
                    StaffView agent = agents.get(i % agents.size());
                    int minutes = (int) Math.min(missing, 180);
                    LocalDate day = day(t).plusDays(i % 3);
                    workLog.log(
                            t.id(),
                            null,
                            agent.id(),
                            agent.fullName(),
                            day.isAfter(last) ? last : day,
                            minutes,
                            WorkKind.WORK,
                            null);
                    missing -= minutes;
                }
            }
            return org;
        }
        return null;
    }

    /**
     * Proposes doing some of that client's non-urgent open requests next month: one proposal the
     * client accepted (the request waits for next month), one declined and one still waiting for
     * the answer.
     *
     * @return the deferrals proposed
     */
    int defer(DemoOrg org, List<TicketView> opened, List<StaffView> staff) {
        if (org == null) {
            return 0;
        }
        StaffView agent =
                staff.stream().filter(s -> s.role() == Role.AGENT).findFirst().orElseThrow();
        Actor proposer = Actor.staff(agent.id(), agent.fullName());
        Predicate<TicketView> ofOrg = t -> t.organizationId() != null
                && t.organizationId() == org.organization().id();
        List<TicketView> candidates = new ArrayList<>(current(opened).stream()
                .filter(ofOrg)
                .filter(t -> t.urgency() == Urgency.NORMAL || t.urgency() == Urgency.LOW)
                .filter(deferrals::canPropose)
                .sorted(Comparator.comparing(TicketView::createdAt))
                .toList());
        // the client asks for a few more things that can wait, as a client over plan does
        for (int i = 0; candidates.size() < 3 && i < CAN_WAIT.size(); i++) {
            var contact = org.contacts().get(0);
            candidates.add(intake.open(new NewRequest(
                    CAN_WAIT.get(i)[0],
                    CAN_WAIT.get(i)[1],
                    contact.id(),
                    org.sites().isEmpty() ? null : org.sites().get(0).id(),
                    Channel.PORTAL,
                    Urgency.LOW,
                    List.of(),
                    Actor.contact(contact.id(), contact.fullName()))));
        }
        List<DeferralView> proposed = new ArrayList<>();
        for (TicketView t : candidates.subList(0, Math.min(3, candidates.size()))) {
            proposed.add(deferrals.propose(t.id(), proposer));
        }
        for (int i = 0; i < proposed.size() - 1; i++) {
            TicketView t = requests.ticket(proposed.get(i).ticketId());
            Actor contact = Actor.contact(t.contactId(), t.contactName());
            deferrals.answer(proposed.get(i).id(), i == 0, org.organization().id(), contact);
        }
        return proposed.size();
    }

    private List<TicketView> current(List<TicketView> opened) {
        return opened.stream().map(t -> requests.ticket(t.id())).toList();
    }

    private LocalDate day(TicketView t) {
        return LocalDate.ofInstant(t.createdAt(), zone);
    }
}
