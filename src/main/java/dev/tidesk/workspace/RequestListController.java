package dev.tidesk.workspace;

import dev.tidesk.contract.ClientsOnTerms;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.Notices;
import dev.tidesk.routing.RoutingQueue;
import dev.tidesk.routing.SlaState;
import dev.tidesk.shared.CappedCount;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.RequestFilter;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.SavedView;
import dev.tidesk.ticket.SavedViews;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every request, filtered and sorted as the agent asks: by status (closed ones too), client, site,
 * assignee, personal manager, plan, channel, urgency, SLA state, period and words; a filter kept as
 * a personal or shared list with its count beside it.
 */
@Controller
class RequestListController {

    static final int PAGE = 50;

    private final RequestQueries queries;
    private final SavedViews views;
    private final Customers customers;
    private final StaffDirectory staff;
    private final ClientsOnTerms clientsOnTerms;
    private final RoutingQueue routing;
    private final Notices notices;
    private final FlashMessages flashes;

    RequestListController(
            RequestQueries queries,
            SavedViews views,
            Customers customers,
            StaffDirectory staff,
            ClientsOnTerms clientsOnTerms,
            RoutingQueue routing,
            Notices notices,
            FlashMessages flashes) {
        this.queries = queries;
        this.views = views;
        this.customers = customers;
        this.staff = staff;
        this.clientsOnTerms = clientsOnTerms;
        this.routing = routing;
        this.notices = notices;
        this.flashes = flashes;
    }

    /** The list page's query, as its form sends it. */
    static final class Criteria {
        private List<Status> status = new ArrayList<>();
        private Long client;
        private Long site;
        private String assignee;
        private Long manager;
        private PlanCode plan;
        private Channel channel;
        private Urgency urgency;
        private SlaState sla;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        private String q;
        private RequestFilter.Column sort = RequestFilter.Column.CREATED;
        private String dir = "desc";
        private int page;

        public List<Status> getStatus() {
            return status;
        }

        public void setStatus(List<Status> status) {
            this.status = status == null ? new ArrayList<>() : status;
        }

        public Long getClient() {
            return client;
        }

        public void setClient(Long client) {
            this.client = client;
        }

        public Long getSite() {
            return site;
        }

        public void setSite(Long site) {
            this.site = site;
        }

        public String getAssignee() {
            return assignee;
        }

        public void setAssignee(String assignee) {
            this.assignee = assignee;
        }

        public Long getManager() {
            return manager;
        }

        public void setManager(Long manager) {
            this.manager = manager;
        }

        public PlanCode getPlan() {
            return plan;
        }

        public void setPlan(PlanCode plan) {
            this.plan = plan;
        }

        public Channel getChannel() {
            return channel;
        }

        public void setChannel(Channel channel) {
            this.channel = channel;
        }

        public Urgency getUrgency() {
            return urgency;
        }

        public void setUrgency(Urgency urgency) {
            this.urgency = urgency;
        }

        public SlaState getSla() {
            return sla;
        }

        public void setSla(SlaState sla) {
            this.sla = sla;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }

        public RequestFilter.Column getSort() {
            return sort;
        }

        public void setSort(RequestFilter.Column sort) {
            this.sort = sort == null ? RequestFilter.Column.CREATED : sort;
        }

        public String getDir() {
            return dir;
        }

        public void setDir(String dir) {
            this.dir = "asc".equals(dir) ? "asc" : "desc";
        }

        public int getPage() {
            return page;
        }

        public void setPage(int page) {
            this.page = Math.max(0, page);
        }

        boolean ascending() {
            return "asc".equals(dir);
        }

        /** The query string of this filter and order (no page): saved with a list, used by links. */
        String query() {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            status.forEach(s -> b.queryParam("status", s));
            add(b, "client", client);
            add(b, "site", site);
            add(b, "assignee", assignee == null || assignee.isBlank() ? null : assignee);
            add(b, "manager", manager);
            add(b, "plan", plan);
            add(b, "channel", channel);
            add(b, "urgency", urgency);
            add(b, "sla", sla);
            add(b, "from", from);
            add(b, "to", to);
            add(b, "q", q == null || q.isBlank() ? null : q.strip());
            if (sort != RequestFilter.Column.CREATED || ascending()) {
                b.queryParam("sort", sort).queryParam("dir", dir);
            }
            String query = b.encode().build().getQuery();
            return query == null ? "" : query;
        }

        private static void add(UriComponentsBuilder b, String name, Object value) {
            if (value != null) {
                b.queryParam(name, value);
            }
        }
    }

    @GetMapping("/desk/requests")
    String list(@AuthenticationPrincipal TideskUser me, @ModelAttribute("criteria") Criteria criteria, Model model) {
        RequestFilter filter = filter(criteria);
        var slice = queries.filter(filter, criteria.getSort(), criteria.ascending(), criteria.getPage(), PAGE);
        model.addAttribute("slice", slice);
        model.addAttribute("total", queries.count(filter));
        model.addAttribute("query", criteria.query());
        model.addAttribute("sortLinks", sortLinks(criteria));
        model.addAttribute(
                "unseen",
                me.staffId() == null
                        ? Set.of()
                        : notices.unseen(
                                me.staffId(),
                                slice.getContent().stream().map(TicketView::id).toList()));
        model.addAttribute("statuses", Status.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("plans", PlanCode.values());
        model.addAttribute("slaStates", List.of(SlaState.OK, SlaState.WARNING, SlaState.BREACHED));
        model.addAttribute("columns", RequestFilter.Column.values());
        model.addAttribute(
                "clientChoice",
                customers.organizationChoice(criteria.getClient()).orElse(null));
        model.addAttribute("sites", criteria.getClient() == null ? List.of() : customers.sitesOf(criteria.getClient()));
        model.addAttribute(
                "people",
                staff.everyone().stream()
                        .filter(s -> s.role() != Role.SPECIALIST)
                        .toList());
        model.addAttribute(
                "managers",
                staff.everyone().stream()
                        .filter(s -> s.role() == Role.MANAGER || s.role() == Role.HEAD)
                        .toList());
        model.addAttribute("savedViews", savedViewsWithCounts(me));
        model.addAttribute("mayShare", me.hasRole(Role.HEAD, Role.ADMIN));
        model.addAttribute("mayBulk", !me.hasRole(Role.SPECIALIST));
        return "workspace/requests/list";
    }

    @PostMapping("/desk/requests/views")
    String saveView(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(defaultValue = "false") boolean shared,
            RedirectAttributes redirect) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80 || query.length() > 2000 || me.staffId() == null) {
            flashes.error(redirect, "list.view.invalid");
            return "redirect:/desk/requests" + (query.isEmpty() ? "" : "?" + query);
        }
        views.save(me.staffId(), clean, query, shared, me.hasRole(Role.HEAD, Role.ADMIN));
        flashes.notice(redirect, "list.view.saved", clean);
        return "redirect:/desk/requests" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/desk/requests/views/{id}/delete")
    String deleteView(@AuthenticationPrincipal TideskUser me, @PathVariable long id, RedirectAttributes redirect) {
        if (me.staffId() != null) {
            views.delete(id, me.staffId(), me.hasRole(Role.HEAD, Role.ADMIN));
        }
        flashes.notice(redirect, "list.view.deleted");
        return "redirect:/desk/requests";
    }

    /** Each saved list with how many requests it finds now (capped like the queue's counts). */
    private Map<SavedView, CappedCount> savedViewsWithCounts(TideskUser me) {
        Map<SavedView, CappedCount> out = new LinkedHashMap<>();
        if (me.staffId() == null) {
            return out;
        }
        for (SavedView v : views.of(me.staffId())) {
            Criteria c = parse(v.query());
            out.put(v, queries.count(filter(c)));
        }
        return out;
    }

    /** A saved query string read back into criteria, the way a request would bind it. */
    static Criteria parse(String query) {
        var params =
                UriComponentsBuilder.fromUriString("/?" + query).build(true).getQueryParams();
        var binder = new org.springframework.web.bind.WebDataBinder(new Criteria());
        binder.setConversionService(new org.springframework.format.support.DefaultFormattingConversionService());
        var values = new org.springframework.beans.MutablePropertyValues();
        params.forEach((name, list) -> values.add(
                name,
                list.stream()
                        .map(v -> org.springframework.web.util.UriUtils.decode(
                                v, java.nio.charset.StandardCharsets.UTF_8))
                        .toArray(String[]::new)));
        binder.bind(values);
        return (Criteria) binder.getTarget();
    }

    RequestFilter filter(Criteria c) {
        Set<Status> statuses = c.getStatus().isEmpty() ? Set.of() : EnumSet.copyOf(c.getStatus());
        boolean unassigned = "none".equals(c.getAssignee());
        Long assignee = null;
        if (!unassigned && c.getAssignee() != null && c.getAssignee().matches("\\d{1,18}")) {
            assignee = Long.parseLong(c.getAssignee());
        }
        List<Long> organizations = null;
        if (c.getPlan() != null) {
            organizations = clientsOnTerms.onPlan(c.getPlan());
        }
        if (c.getManager() != null) {
            List<Long> managed = clientsOnTerms.managedBy(c.getManager());
            organizations = organizations == null
                    ? managed
                    : organizations.stream().filter(managed::contains).toList();
        }
        List<Long> requests = c.getSla() == null ? null : routing.requestsInSlaState(c.getSla());
        return new RequestFilter(
                statuses,
                c.getClient(),
                c.getSite(),
                assignee,
                unassigned,
                organizations,
                requests,
                c.getChannel(),
                c.getUrgency(),
                c.getFrom(),
                c.getTo(),
                c.getQ());
    }

    /** Each column's header link: sorted by it, the other way round if it already is. */
    static Map<RequestFilter.Column, String> sortLinks(Criteria c) {
        Map<RequestFilter.Column, String> links = new LinkedHashMap<>();
        String sort = c.getSort().name();
        String dir = c.getDir();
        for (RequestFilter.Column column : RequestFilter.Column.values()) {
            c.setSort(column);
            c.setDir(column.name().equals(sort) && "desc".equals(dir) ? "asc" : "desc");
            links.put(column, "/desk/requests?" + c.query());
        }
        c.setSort(RequestFilter.Column.valueOf(sort));
        c.setDir(dir);
        return links;
    }
}
