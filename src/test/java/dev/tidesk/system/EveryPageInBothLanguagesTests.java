package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.identity.Role;
import dev.tidesk.security.AccessMatrixTests;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Every page of the workspace and the portal, as each role sees it, in Russian and in English: no
 * unresolved message key ({@code ??key??}, {@code kind.WORK}, {@code status.OPEN}) and no enum
 * name where a label belongs ({@code IN_PROGRESS}, {@code TEST_COPY_SYNC}) in the visible text.
 * The pages are the GET routes of the access matrix that the role may open, filled with the ids of
 * a client that has a contract, closed months, a plan alert, tasks, norm-hours of every kind, a
 * deferral and mail; a redirect is followed to the page it leads to.
 */
class EveryPageInBothLanguagesTests extends WebTest {

    /** Answers that are files or data, not pages. */
    static final Pattern NOT_PAGES =
            Pattern.compile(".*(/export|/pdf|/raw|/files/\\{index\\}|/attachments/\\{id\\}|/notifications/count)$");

    @Autowired
    TaskBoard tasks;

    @Autowired
    StaffDirectory staff;

    @Autowired
    WorkLog workLog;

    @Autowired
    RequestDesk desk;

    @Autowired
    Deferrals deferrals;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noPageShowsARawMessageKeyOrAnEnumNameInEitherLanguage() throws Exception {
        Fixture f = new Fixture();
        Vocabulary ru = new Vocabulary("messages_ru.properties");
        Vocabulary en = new Vocabulary("messages.properties");
        List<String> findings = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<AccessMatrixTests.Actor, MockHttpSession> actor : f.sessions.entrySet()) {
            for (String path : f.pagesOf(actor.getKey())) {
                for (String lang : List.of("ru", "en")) {
                    String text = visibleText(path, lang, actor.getValue(), findings, actor.getKey());
                    if (text == null) {
                        continue;
                    }
                    pages++;
                    for (String finding : (lang.equals("ru") ? ru : en).findings(text)) {
                        findings.add(actor.getKey() + " " + path + " [" + lang + "]: " + finding);
                    }
                }
            }
        }
        System.out.printf("Every page in both languages: %d pages rendered, %d findings%n", pages, findings.size());
        findings.forEach(System.out::println);
        assertThat(pages).isGreaterThan(150);
        assertThat(findings).as("raw keys and enum names on pages").isEmpty();
    }

    /** The check itself catches what it is for, and lets real words, addresses and plan names through. */
    @Test
    void theCheckFindsRawKeysAndEnumNamesAndNothingElse() throws Exception {
        Vocabulary ru = new Vocabulary("messages_ru.properties");
        List<String> found =
                ru.findings("Работа: kind.WORK, статус ??status.NEW_ru??, IN_PROGRESS и TEST_COPY_SYNC, DEPLOY");
        assertThat(found.get(0)).startsWith("unresolved message: ");
        assertThat(found.subList(1, found.size()))
                .containsExactly(
                        "message key: kind.WORK",
                        "message key: status.NEW_ru",
                        "enum name: IN_PROGRESS",
                        "enum name: TEST_COPY_SYNC",
                        "enum name: DEPLOY");
        assertThat(ru.findings("TID-10427 по SLA, канал API, специалист SEO; m.ivanova@romashka.example, "
                        + "https://test.romashka.example/cart, файл отчёт.pdf, 25,5 ч."))
                .isEmpty();
    }

    /** The visible text of the page at {@code path} (after one redirect), or null for what is not a page. */
    private String visibleText(
            String path, String lang, MockHttpSession session, List<String> findings, AccessMatrixTests.Actor actor)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get(path).param("lang", lang).session(session))
                .andReturn()
                .getResponse();
        if (response.getStatus() / 100 == 3 && response.getRedirectedUrl() != null) {
            String location = response.getRedirectedUrl().replaceFirst("^https?://[^/]+", "");
            response = mvc.perform(get(location).param("lang", lang).session(session))
                    .andReturn()
                    .getResponse();
        }
        if (response.getStatus() >= 500) {
            findings.add(actor + " " + path + " [" + lang + "]: HTTP " + response.getStatus());
            return null;
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("text/html")) {
            return null;
        }
        return visible(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    /** What a reader sees: the title, the text, and the words of tooltips, placeholders and buttons. */
    static String visible(Document page) {
        page.select("script, style").remove();
        StringBuilder text = new StringBuilder(page.title()).append('\n');
        text.append(page.body().text()).append('\n');
        for (Element e : page.select("[title], [placeholder], [aria-label], [alt], input[type=submit][value]")) {
            Stream.of("title", "placeholder", "aria-label", "alt", "value")
                    .filter(e::hasAttr)
                    .filter(a -> !a.equals("value") || e.is("input[type=submit]"))
                    .forEach(a -> text.append(e.attr(a)).append('\n'));
        }
        return text.toString();
    }

    /** What must not be read on a page of one language. */
    static final class Vocabulary {

        static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_.\\-@/:]+");
        static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
        static final Pattern KEY_LIKE = Pattern.compile("[a-z][a-zA-Z]*(\\.[a-zA-Z0-9_\\-]+)+");
        static final Pattern ENUM_LIKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

        final Set<String> keys = new HashSet<>();
        final Set<String> prefixes = new HashSet<>();
        final Set<String> enumNames = new TreeSet<>();
        final Set<String> constants = new HashSet<>();

        Vocabulary(String bundle) throws Exception {
            Properties p = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                keys.add(key);
                prefixes.add(key.substring(0, key.contains(".") ? key.indexOf('.') : key.length()));
            }
            // every constant of the enums the pages show, unless the bundle itself uses the word (API, SEO)
            Set<String> words = new HashSet<>();
            for (Object value : p.values()) {
                Matcher m = WORD.matcher(value.toString());
                while (m.find()) {
                    words.add(m.group());
                }
            }
            for (Class<? extends Enum<?>> type : ENUMS) {
                for (Enum<?> constant : type.getEnumConstants()) {
                    constants.add(constant.name());
                    if (!words.contains(constant.name())) {
                        enumNames.add(constant.name());
                    }
                }
            }
        }

        List<String> findings(String text) {
            Set<String> out = new LinkedHashSet<>();
            if (text.contains("??")) {
                int at = text.indexOf("??");
                out.add("unresolved message: "
                        + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60))
                                .replace('\n', ' '));
            }
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                String token = m.group().replaceAll("^[.:/\\-]+|[.:/\\-]+$", "");
                if (token.contains("@") || token.contains("/")) {
                    continue; // addresses and links
                }
                boolean keyLike = KEY_LIKE.matcher(token).matches()
                        && !token.matches(".*\\.(example|ru|com|local|org|net|txt|pdf|eml|zip|csv|xlsx)$");
                // a dotted key; the bare validation codes (Size, NotBlank) are also plain English words
                if (keys.contains(token) && token.contains(".")
                        || keyLike
                                && (prefixes.contains(token.substring(0, token.indexOf('.')))
                                        // a key made from an enum (kind.WORK), whether or not the bundle has it
                                        || constants.contains(token.substring(token.lastIndexOf('.') + 1)))) {
                    out.add("message key: " + token);
                } else if (enumNames.contains(token) || ENUM_LIKE.matcher(token).matches()) {
                    out.add("enum name: " + token);
                }
            }
            return new ArrayList<>(out);
        }
    }

    @SuppressWarnings("unchecked")
    static final List<Class<? extends Enum<?>>> ENUMS = List.of(
            dev.tidesk.ticket.Status.class,
            dev.tidesk.ticket.Urgency.class,
            dev.tidesk.ticket.Channel.class,
            dev.tidesk.identity.Role.class,
            dev.tidesk.worklog.WorkKind.class,
            dev.tidesk.task.TaskStatus.class,
            dev.tidesk.task.Environment.class,
            dev.tidesk.team.Specialty.class,
            dev.tidesk.team.Availability.class,
            dev.tidesk.contract.PlanCode.class,
            dev.tidesk.contract.deferral.DeferralStatus.class,
            dev.tidesk.contract.TrialDecision.class,
            dev.tidesk.routing.SlaState.class,
            dev.tidesk.mail.OutboxStatus.class,
            dev.tidesk.notice.NoticeKind.class,
            dev.tidesk.audit.AuditAction.class);

    /**
     * A client with everything a page can show, a session per role, and the pages each role may
     * open with this client's ids in them.
     */
    class Fixture {

        final Map<AccessMatrixTests.Actor, MockHttpSession> sessions = new LinkedHashMap<>();
        final ContractFixtures.ManagedOverrun overrun;
        final TicketView ticket;
        final YearMonth closedMonth = YearMonth.from(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")))
                .minusMonths(1);
        final List<String> reportKinds = new ArrayList<>();

        Fixture() throws Exception {
            ContractFixtures contracts = new ContractFixtures(context);
            overrun = contracts.managedOverrun(data);
            TestData.Client client = overrun.client();
            StaffView agent = data.agent();
            StaffView specialist = staff.hire(
                    "Павел Специалистов " + System.nanoTime(),
                    "dev" + System.nanoTime() + "@tidesk.example",
                    Role.SPECIALIST,
                    Specialty.DEVELOPER,
                    TestData.PASSWORD);
            ticket = data.request(client, "Страница каталога не открывается", "Ошибка 502 с утра");
            Actor asAgent = Actor.staff(agent.id(), agent.fullName());
            desk.assign(ticket.id(), agent.id(), agent.fullName(), asAgent);
            desk.reply(ticket.id(), asAgent, "Смотрим, передали разработчику", List.of());
            desk.note(ticket.id(), asAgent, "Похоже на кэш", List.of());
            desk.changeStatus(ticket.id(), Status.IN_PROGRESS, asAgent);
            // a task in each environment, one sent to the client for acceptance
            TaskView live = tasks.create(
                    new NewTask(
                            ticket.id(),
                            Specialty.DEVELOPER,
                            specialist.id(),
                            "Почистить кэш",
                            "и проверить",
                            BigDecimal.ONE,
                            Environment.LIVE),
                    agent.fullName());
            tasks.start(live.id(), specialist.id(), specialist.fullName());
            TaskView test = tasks.create(
                    new NewTask(
                            ticket.id(),
                            Specialty.DEVELOPER,
                            specialist.id(),
                            "Новая вёрстка каталога",
                            "на тестовой копии",
                            BigDecimal.TEN,
                            Environment.TEST),
                    agent.fullName());
            tasks.start(test.id(), specialist.id(), specialist.fullName());
            tasks.readyOnTestCopy(test.id(), specialist.id(), specialist.fullName());
            // norm-hours of every kind, this month's hours used up, and a deferral proposed
            for (WorkKind kind : WorkKind.values()) {
                workLog.log(ticket.id(), null, agent.id(), agent.fullName(), workLog.today(), 30, kind, "по обращению");
            }
            contracts.log(ticket, agent, 0, 11);
            TicketView later = data.request(client, "Добавить баннер", "Не срочно");
            deferrals.propose(later.id(), asAgent);
            data.settle();

            sessions.put(AccessMatrixTests.Actor.CONTACT_A, portalLogin(client.login()));
            sessions.put(AccessMatrixTests.Actor.AGENT, deskLogin(agent.email()));
            sessions.put(
                    AccessMatrixTests.Actor.MANAGER, deskLogin(overrun.manager().email()));
            sessions.put(AccessMatrixTests.Actor.SPECIALIST, deskLogin(specialist.email()));
            sessions.put(
                    AccessMatrixTests.Actor.HEAD,
                    deskLogin(data.member(Role.HEAD).email()));
            sessions.put(
                    AccessMatrixTests.Actor.ADMIN,
                    deskLogin(data.member(Role.ADMIN).email()));

            String reports = mvc.perform(
                            get("/desk/reports/volume").session(sessions.get(AccessMatrixTests.Actor.HEAD)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("href=\"/desk/reports/(\\w+)").matcher(reports);
            while (m.find()) {
                if (!reportKinds.contains(m.group(1))) {
                    reportKinds.add(m.group(1));
                }
            }
            assertThat(reportKinds).as("the reports page links its reports").hasSizeGreaterThan(3);
        }

        /** The GET pages of the access matrix this actor may open, with real ids. */
        List<String> pagesOf(AccessMatrixTests.Actor actor) {
            List<String> pages = new ArrayList<>();
            AccessMatrixTests.EXPECTED.forEach((route, access) -> {
                if (!route.startsWith("GET ") || !access.allowed.contains(actor)) {
                    return;
                }
                String pattern = route.substring(4);
                if (NOT_PAGES.matcher(pattern).matches()) {
                    return;
                }
                if (pattern.contains("{kind}")) {
                    reportKinds.forEach(kind -> pages.add(fill(pattern.replace("{kind}", kind))));
                } else {
                    pages.add(fill(pattern));
                }
            });
            return pages;
        }

        String fill(String pattern) {
            long org = overrun.client().organization().id();
            Long outboxId =
                    jdbc.queryForObject("select max(id) from mail_outbox where ticket_id = ?", Long.class, ticket.id());
            Long inboundId = jdbc.queryForObject("select max(id) from mail_inbound", Long.class);
            Long noticeId = jdbc.queryForObject("select max(id) from notification", Long.class);
            Long messageId = jdbc.queryForObject(
                    "select max(id) from ticket_message where ticket_id = ? and kind = 'CLIENT'",
                    Long.class,
                    ticket.id());
            return pattern.replace("{tid}", ticket.tid())
                    .replace("{messageId}", String.valueOf(messageId))
                    .replace("{organizationId}", String.valueOf(org))
                    .replace("{month}", closedMonth.toString())
                    .replace("{token}", "A".repeat(43))
                    .replace("/desk/admin/organizations/{id}", "/desk/admin/organizations/" + org)
                    .replace("/desk/admin/outbox/{id}", "/desk/admin/outbox/" + outboxId)
                    .replace("/desk/admin/mail/inbound/{id}", "/desk/admin/mail/inbound/" + inboundId)
                    .replace("/desk/notifications/{id}", "/desk/notifications/" + noticeId)
                    .replace("{id}", "999999999");
        }
    }
}
