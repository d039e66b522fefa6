package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix, generated from the application itself: every route of the handler mappings is
 * tried by every actor (anonymous, a contact of organization A, a contact of B, each staff role, an
 * API token of an agent and of an admin) on organization A's objects, and the outcome compared with
 * the table below. A route missing from the table fails the build, so no route ships unchecked.
 * Nothing may answer 5xx. "Allowed" means past the access checks: the page, a redirect, or an answer
 * about the input (400, 404 for an id that does not exist, 422); "denied" is the sign-in page, 401
 * or 403; a contact of B asking for A's request or file gets 404, as if it did not exist.
 */
public class AccessMatrixTests extends WebTest {

    public enum Actor {
        ANONYMOUS,
        CONTACT_A,
        CONTACT_B,
        AGENT,
        MANAGER,
        SPECIALIST,
        HEAD,
        ADMIN,
        TOKEN_AGENT,
        TOKEN_ADMIN
    }

    enum Outcome {
        ALLOWED,
        NOT_FOUND,
        DENIED,
        SERVER_ERROR
    }

    /** Who gets past the access checks of a route. */
    public enum Access {
        /** everyone, signed in or not */
        PUBLIC(EnumSet.allOf(Actor.class)),
        /** any client contact */
        CONTACTS(EnumSet.of(Actor.CONTACT_A, Actor.CONTACT_B)),
        /** the contacts of the organization whose object it is; the other's get 404 */
        OWN_ORGANIZATION(EnumSet.of(Actor.CONTACT_A)),
        /** every staff role, signed in */
        STAFF(EnumSet.of(Actor.AGENT, Actor.MANAGER, Actor.SPECIALIST, Actor.HEAD, Actor.ADMIN)),
        /** staff who talk to clients and set tasks: not specialists */
        SUPPORT(EnumSet.of(Actor.AGENT, Actor.MANAGER, Actor.HEAD, Actor.ADMIN)),
        /** heads of support and admins */
        BOSS(EnumSet.of(Actor.HEAD, Actor.ADMIN)),
        /** admins only */
        ADMIN(EnumSet.of(Actor.ADMIN)),
        /** API tokens of staff */
        API(EnumSet.of(Actor.TOKEN_AGENT, Actor.TOKEN_ADMIN)),
        /** API tokens of admins */
        API_ADMIN(EnumSet.of(Actor.TOKEN_ADMIN));

        public final Set<Actor> allowed;

        Access(Set<Actor> allowed) {
            this.allowed = allowed;
        }
    }

    /** The declared expectation: every route of the application, by method and concrete path pattern. */
    public static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

    static {
        // public pages: start, sign-in, forgotten password
        expect(
                Access.PUBLIC,
                "GET /",
                "GET /desk/login",
                "GET /portal/login",
                "GET /portal/password/forgot",
                "POST /portal/password/forgot",
                "GET /portal/password/reset",
                "POST /portal/password/reset",
                "GET /desk/password/forgot",
                "POST /desk/password/forgot",
                "GET /desk/password/reset",
                "POST /desk/password/reset");
        // a mail's answer link is the authority for its one decision: open to whoever holds it, signed in or not
        // (the matrix's token is forged: everyone gets the "no such link" page, never the sign-in page)
        expect(
                Access.PUBLIC,
                "GET /portal/answer/test-copy/{token}",
                "POST /portal/answer/test-copy/{token}",
                "GET /portal/answer/test-copy/{token}/done",
                "POST /portal/answer/test-copy/{token}/password",
                "GET /portal/answer/deferral/{token}",
                "POST /portal/answer/deferral/{token}",
                "GET /portal/answer/deferral/{token}/done",
                "POST /portal/answer/deferral/{token}/password",
                "GET /portal/deferrals/{token}",
                "POST /portal/deferrals/{token}",
                "GET /portal/task-links/{token}",
                "POST /portal/task-links/{token}",
                "GET /portal/answer/rating/{token}",
                "POST /portal/answer/rating/{token}",
                "GET /portal/answer/rating/{token}/done",
                "POST /portal/answer/rating/{token}/password");
        // the portal
        expect(
                Access.CONTACTS,
                "GET /portal",
                "GET /portal/requests/new",
                "POST /portal/requests",
                "GET /portal/contract",
                "GET /portal/contract/statements/{month}",
                "GET /portal/contract/statements/{month}/pdf",
                "GET /portal/contract/statements/{month}/act",
                "GET /portal/contract/statements/{month}/act/pdf",
                "GET /portal/account",
                "POST /portal/account/password",
                "POST /portal/account/statement",
                "POST /portal/deferrals/id/{id}",
                "POST /portal/requests/{tid}/tasks/{taskId}/accept",
                "POST /portal/requests/{tid}/tasks/{taskId}/decline");
        expect(
                Access.OWN_ORGANIZATION,
                "GET /portal/requests/{tid}",
                "POST /portal/requests/{tid}/replies",
                "POST /portal/requests/{tid}/cc",
                "POST /portal/requests/{tid}/cc/remove",
                "POST /portal/requests/{tid}/rating",
                "GET /portal/attachments/{id}");
        // the workspace, for every staff role
        expect(
                Access.STAFF,
                "GET /desk",
                "GET /desk/account",
                "POST /desk/account/password",
                "POST /desk/account/tokens",
                "POST /desk/account/tokens/{id}/revoke",
                "POST /desk/account/notice-mail",
                "GET /desk/requests/{tid}",
                "POST /desk/requests/{tid}/messages",
                "POST /desk/requests/{tid}/status",
                "POST /desk/requests/{tid}/urgency",
                "POST /desk/requests/{tid}/assignee",
                "POST /desk/requests/{tid}/deferral",
                "GET /desk/requests/{tid}/worklog",
                "POST /desk/requests/{tid}/worklog",
                "POST /desk/worklog/{id}",
                "GET /desk/attachments/{id}",
                "GET /desk/search",
                "GET /desk/phone",
                "POST /desk/phone",
                "GET /desk/phone/contacts",
                "GET /desk/organizations/choices",
                "GET /desk/tasks",
                "POST /desk/tasks/{id}/sync/confirm",
                "POST /desk/tasks/{id}/sync/dismiss",
                "POST /desk/tasks/{id}/{action}",
                "POST /desk/routing/availability",
                "GET /desk/routing/my-clients",
                "GET /desk/contracts/alerts",
                "POST /desk/contracts/alerts/{id}/acknowledge",
                "GET /desk/clients/{organizationId}",
                "GET /desk/clients/{organizationId}/statements/{month}",
                "GET /desk/notifications",
                "GET /desk/notifications/count",
                "GET /desk/notifications/{id}",
                "POST /desk/notifications/read",
                "POST /desk/requests/{tid}/watch",
                "POST /desk/requests/{tid}/unwatch",
                "GET /desk/requests/{tid}/live",
                "POST /desk/requests/{tid}/presence",
                "GET /desk/replies",
                "POST /desk/replies",
                "POST /desk/replies/{id}",
                "POST /desk/replies/{id}/delete",
                "POST /desk/replies/signature",
                "GET /desk/requests/{tid}/replies",
                "GET /desk/requests/{tid}/replies/{id}",
                "GET /desk/requests",
                "POST /desk/requests/views",
                "POST /desk/requests/views/{id}/delete",
                // tags are for colleagues, specialists included; the client never sees them
                "POST /desk/requests/{tid}/tags",
                "POST /desk/requests/{tid}/tags/remove");
        expect(
                Access.SUPPORT,
                "POST /desk/requests/{tid}/tasks",
                "POST /desk/routing/take-next",
                "POST /desk/requests/{tid}/take",
                "POST /desk/requests/{tid}/cc",
                "POST /desk/requests/{tid}/cc/remove",
                "POST /desk/requests/{tid}/cc/suggestions/accept",
                "POST /desk/requests/{tid}/cc/suggestions/dismiss",
                "POST /desk/requests/bulk",
                // the monthly акт is a document for the client: not the specialists'
                "GET /desk/clients/{organizationId}/statements/{month}/act",
                "GET /desk/clients/{organizationId}/statements/{month}/act/pdf",
                // support keeps a client's contacts and sites current (a new phone, someone who left)
                "GET /desk/directory/contacts/{id}",
                "POST /desk/directory/contacts/{id}",
                "POST /desk/directory/contacts/{id}/deactivate",
                "POST /desk/directory/contacts/{id}/reactivate",
                "GET /desk/directory/sites/{id}",
                "POST /desk/directory/sites/{id}",
                "POST /desk/directory/sites/{id}/deactivate",
                "POST /desk/directory/sites/{id}/reactivate",
                // merge, split and link: support's, never a specialist's
                "GET /desk/requests/{tid}/merge",
                "POST /desk/requests/{tid}/merge",
                "GET /desk/requests/{tid}/split/{messageId}",
                "POST /desk/requests/{tid}/split/{messageId}",
                "POST /desk/requests/{tid}/links",
                "POST /desk/requests/{tid}/links/remove");
        // heads and admins
        expect(
                Access.BOSS,
                "GET /desk/dashboard",
                "GET /desk/reports",
                "GET /desk/reports/{kind}",
                "GET /desk/reports/{kind}/export",
                "GET /desk/admin/clients",
                "GET /desk/admin/organizations",
                "POST /desk/admin/organizations",
                "GET /desk/admin/organizations/{id}",
                "POST /desk/admin/organizations/{id}/contacts",
                "POST /desk/admin/organizations/{id}/contacts/{contactId}/invite",
                "POST /desk/admin/organizations/{id}/contacts/{contactId}/login",
                "POST /desk/admin/organizations/{id}/contacts/{contactId}/statement",
                "POST /desk/admin/organizations/{id}/sites",
                "POST /desk/admin/organizations/{id}/requisites",
                "GET /desk/admin/organizations/{id}/edit",
                "POST /desk/admin/organizations/{id}/edit",
                "POST /desk/admin/organizations/{id}/deactivate",
                "POST /desk/admin/organizations/{id}/reactivate",
                "GET /desk/admin/staff",
                "POST /desk/admin/staff",
                "POST /desk/admin/staff/{id}/role",
                "GET /desk/admin/staff/{id}",
                "POST /desk/admin/staff/{id}",
                "GET /desk/admin/staff/{id}/deactivate",
                "POST /desk/admin/staff/{id}/deactivate",
                "POST /desk/admin/staff/{id}/reactivate",
                "GET /desk/admin/plans",
                "POST /desk/admin/plans/{code}",
                "POST /desk/admin/contracts",
                "POST /desk/admin/contracts/{id}/plan",
                "POST /desk/admin/contracts/{id}/manager",
                "POST /desk/admin/contracts/{id}/carry-over",
                "POST /desk/admin/contracts/{id}/end",
                "POST /desk/admin/contracts/{id}/trial",
                "POST /desk/admin/contracts/{id}/conditions",
                "GET /desk/admin/calendar",
                "POST /desk/admin/calendar/hours",
                "POST /desk/admin/calendar/days",
                "POST /desk/admin/calendar/days/{day}/delete",
                "GET /desk/admin/mail",
                "GET /desk/admin/mail/inbound/{id}",
                "GET /desk/admin/mail/inbound/{id}/request",
                "GET /desk/admin/mail/inbound/{id}/raw",
                "GET /desk/admin/mail/inbound/{id}/files/{index}",
                "POST /desk/admin/mail/inbound/{id}/reprocess",
                "POST /desk/admin/mail/inbound/{id}/create-request",
                "GET /desk/admin/mail/import",
                "POST /desk/admin/mail/import",
                "POST /desk/admin/mail/api/import",
                "GET /desk/admin/outbox",
                "GET /desk/admin/outbox/{id}",
                "POST /desk/admin/outbox/{id}/retry",
                "POST /desk/admin/clients/close-months",
                "GET /desk/admin/mail/bouncing",
                "POST /desk/admin/mail/bouncing/clear");
        // admins only: mailboxes reach into the network, the audit log and the agency's requisites are theirs
        expect(
                Access.ADMIN,
                "GET /desk/admin/mail/mailboxes",
                "POST /desk/admin/mail/mailboxes",
                "POST /desk/admin/mail/mailboxes/{id}/delete",
                "POST /desk/admin/mail/mailboxes/{id}/poll",
                "GET /desk/admin/audit",
                "GET /desk/admin/audit/export",
                "GET /desk/admin/requisites",
                "POST /desk/admin/requisites");
        // the HTTP API
        expect(
                Access.API,
                "POST /api/v1/requests",
                "GET /api/v1/requests/{tid}",
                "POST /api/v1/requests/{tid}/replies");
        expect(Access.API_ADMIN, "POST /api/v1/mail/import", "POST /api/v1/months/close");
    }

    /** Routes left out of the matrix, with the reason. */
    static final Set<String> NOT_ROUTES = Set.of(
            "GET /error",
            "POST /error",
            "PUT /error",
            "DELETE /error",
            "PATCH /error",
            "HEAD /error",
            "OPTIONS /error",
            "TRACE /error");

    private static void expect(Access access, String... routes) {
        for (String route : routes) {
            if (EXPECTED.put(route, access) != null) {
                throw new IllegalStateException("Declared twice: " + route);
            }
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiTokens tokens;

    @Autowired
    RequestIntake intake;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    /** Every route of the application, as "METHOD /path/{var}", regex alternatives spelt out. */
    List<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST);
            }
            for (String pattern : info.getPatternValues()) {
                for (String path : expand(pattern)) {
                    for (RequestMethod method : methods) {
                        routes.add(method.name() + " " + path);
                    }
                }
            }
        }
        return new ArrayList<>(routes);
    }

    /** {@code /{area:portal|desk}/account} is two routes: {@code /portal/account} and {@code /desk/account}. */
    static List<String> expand(String pattern) {
        Matcher m = Pattern.compile("\\{(\\w+):([\\w|]+)\\}").matcher(pattern);
        if (!m.find()) {
            return List.of(pattern.replaceAll("\\{(\\w+):[^}]*\\}", "{$1}"));
        }
        List<String> out = new ArrayList<>();
        for (String alternative : m.group(2).split("\\|")) {
            out.addAll(expand(pattern.substring(0, m.start()) + alternative + pattern.substring(m.end())));
        }
        return out;
    }

    @Test
    void everyRouteIsDeclared() {
        List<String> missing = routes().stream()
                .filter(r -> !EXPECTED.containsKey(r) && !NOT_ROUTES.contains(r))
                .toList();
        assertThat(missing)
                .as("routes without an expectation in AccessMatrixTests.EXPECTED")
                .isEmpty();
        List<String> stale =
                EXPECTED.keySet().stream().filter(r -> !routes().contains(r)).toList();
        assertThat(stale).as("declared routes the application no longer has").isEmpty();
    }

    @Test
    void everyActorGetsWhatTheTableSaysOnEveryRoute() throws Exception {
        Fixture f = new Fixture();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String route : routes()) {
            Access access = EXPECTED.get(route);
            if (access == null) {
                continue;
            }
            for (Actor actor : Actor.values()) {
                cases++;
                Outcome outcome = observe(f, route, actor, access);
                Outcome expected = expected(route, access, actor);
                boolean ok = outcome == expected
                        || (expected == Outcome.ALLOWED && outcome == Outcome.NOT_FOUND && !strict(access, actor));
                if (!ok) {
                    failures.add(route + " as " + actor + ": expected " + expected + ", got " + outcome + " ("
                            + f.lastStatus + ")");
                }
            }
        }
        System.out.printf(
                "Access matrix: %d routes x %d actors = %d cases, %d failures%n",
                EXPECTED.size(), Actor.values().length, cases, failures.size());
        assertThat(failures).as("access matrix failures").isEmpty();
        assertThat(cases).isEqualTo(EXPECTED.size() * Actor.values().length);
    }

    private static Outcome expected(String route, Access access, Actor actor) {
        // a form post outside the API needs the session's CSRF token, which a script with a token has not
        if (actor.name().startsWith("TOKEN") && !route.startsWith("GET ") && !route.contains(" /api/")) {
            return Outcome.DENIED;
        }
        if (access == Access.OWN_ORGANIZATION && actor == Actor.CONTACT_B) {
            return Outcome.NOT_FOUND;
        }
        return access.allowed.contains(actor) ? Outcome.ALLOWED : Outcome.DENIED;
    }

    /** The owner's own object exists, so the owner must really get it (no 404 allowed). */
    private static boolean strict(Access access, Actor actor) {
        return access == Access.OWN_ORGANIZATION && actor == Actor.CONTACT_A;
    }

    private Outcome observe(Fixture f, String route, Actor actor, Access access) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        String path = f.fill(route.substring(route.indexOf(' ') + 1));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
        switch (actor) {
            case ANONYMOUS -> {}
            case TOKEN_AGENT -> request.header("Authorization", "Bearer " + f.agentToken);
            case TOKEN_ADMIN -> request.header("Authorization", "Bearer " + f.adminToken);
            default -> request.session(f.sessions.get(actor));
        }
        if (!"GET".equals(method) && !actor.name().startsWith("TOKEN")) {
            request.with(csrf());
        }
        if (access == Access.OWN_ORGANIZATION && !"GET".equals(method)) {
            // a complete form, so that only the organization check can stop it
            request.param("body", "Проверка доступа");
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        f.lastStatus = status
                + (result.getResponse().getRedirectedUrl() == null
                        ? ""
                        : " -> " + result.getResponse().getRedirectedUrl());
        String location = result.getResponse().getRedirectedUrl();
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        if (status == 401
                || status == 403
                // the sign-in page for someone not signed in (public pages lead there by design, e.g. after a reset)
                || (status / 100 == 3
                        && access != Access.PUBLIC
                        && location != null
                        && location.matches("^(https?://[^/]+)?/(desk|portal)/login$"))) {
            return Outcome.DENIED;
        }
        return status == 404 ? Outcome.NOT_FOUND : Outcome.ALLOWED;
    }

    /** Organization A's objects, and a signed-in session or token for each actor. */
    class Fixture {

        final Map<Actor, MockHttpSession> sessions = new LinkedHashMap<>();
        final TestData.Client a = data.client();
        final TestData.Client b = data.client();
        final TicketView ticket;
        final long attachmentId;
        final String agentToken;
        final String adminToken;
        String lastStatus;

        Fixture() throws Exception {
            ticket = intake.open(new NewRequest(
                    "Матрица доступа",
                    "Запрос организации A",
                    a.contact().id(),
                    a.site().id(),
                    Channel.PORTAL,
                    Urgency.NORMAL,
                    List.of(new NewAttachment("a.txt", "text/plain", "файл A".getBytes())),
                    dev.tidesk.ticket.Actor.contact(
                            a.contact().id(), a.contact().fullName())));
            attachmentId = jdbc.queryForObject(
                    "select max(id) from ticket_attachment where ticket_id = ?", Long.class, ticket.id());
            sessions.put(Actor.CONTACT_A, portalLogin(a.login()));
            sessions.put(Actor.CONTACT_B, portalLogin(b.login()));
            sessions.put(Actor.AGENT, deskLogin(data.member(Role.AGENT).email()));
            sessions.put(Actor.MANAGER, deskLogin(data.member(Role.MANAGER).email()));
            sessions.put(
                    Actor.SPECIALIST,
                    deskLogin(staff.hire(
                                    "Специалист " + System.nanoTime(),
                                    "spec" + System.nanoTime() + "@tidesk.example",
                                    Role.SPECIALIST,
                                    Specialty.DEVELOPER,
                                    TestData.PASSWORD)
                            .email()));
            sessions.put(Actor.HEAD, deskLogin(data.member(Role.HEAD).email()));
            String adminEmail = data.member(Role.ADMIN).email();
            sessions.put(Actor.ADMIN, deskLogin(adminEmail));
            agentToken = tokens.issue(accountOf(data.agent().email()), "matrix");
            adminToken = tokens.issue(accountOf(adminEmail), "matrix");
        }

        String fill(String pattern) {
            return pattern.replace("{tid}", ticket.tid())
                    .replace("{organizationId}", String.valueOf(a.organization().id()))
                    .replace("{month}", "2026-01")
                    .replace("{kind}", "volume")
                    .replace("{token}", "A".repeat(43))
                    .replace("{code}", "ECONOMY")
                    .replace("{day}", "2026-01-01")
                    .replace("{index}", "0")
                    .replace("{action}", "start")
                    .replace("{taskId}", "999999999")
                    .replace("{contactId}", "999999999")
                    .replace("{messageId}", "999999999")
                    .replace("/portal/attachments/{id}", "/portal/attachments/" + attachmentId)
                    .replace("{id}", "999999999");
        }
    }
}
