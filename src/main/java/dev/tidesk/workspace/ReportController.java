package dev.tidesk.workspace;

import dev.tidesk.audit.AuditAction;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.report.Dashboard;
import dev.tidesk.report.Grain;
import dev.tidesk.report.ReportExports;
import dev.tidesk.report.ReportFilter;
import dev.tidesk.report.ReportSnapshot;
import dev.tidesk.report.ReportSnapshots;
import dev.tidesk.report.ReportTable;
import dev.tidesk.report.Reports;
import dev.tidesk.team.StaffDirectory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The head's dashboard and the reports with their CSV and XLSX exports; for heads and admins. */
@Controller
class ReportController {

    private final dev.tidesk.audit.AuditLog audit;

    static final List<String> KINDS = ReportSnapshots.KINDS;

    static final List<String> PLANS = List.of("ECONOMY", "STANDARD", "PREMIUM", "INDIVIDUAL", "NONE");

    private final Reports reports;
    private final ReportSnapshots snapshots;
    private final ReportExports exports;
    private final ChartCards cards;
    private final ReportLabels labels;
    private final Customers customers;
    private final StaffDirectory staff;

    ReportController(
            Reports reports,
            ReportSnapshots snapshots,
            ReportExports exports,
            ChartCards cards,
            ReportLabels labels,
            Customers customers,
            StaffDirectory staff,
            dev.tidesk.audit.AuditLog audit) {
        this.audit = audit;
        this.reports = reports;
        this.snapshots = snapshots;
        this.exports = exports;
        this.cards = cards;
        this.labels = labels;
        this.customers = customers;
        this.staff = staff;
    }

    @GetMapping("/desk/dashboard")
    String dashboard(@AuthenticationPrincipal TideskUser me, Model model) {
        allowed(me);
        Dashboard d = reports.dashboard();
        long open = d.backlog().rows().stream().mapToLong(r -> (Long) r.get(5)).sum();
        List<Object> lastWeek = d.weekly().rows().get(d.weekly().rows().size() - 1);
        long answered = d.firstResponse().rows().stream()
                .limit(2)
                .mapToLong(r -> (Long) r.get(1))
                .sum();
        long all = d.firstResponse().rows().stream()
                .limit(5)
                .mapToLong(r -> (Long) r.get(1))
                .sum();
        model.addAttribute("open", open);
        model.addAttribute("createdThisWeek", lastWeek.get(1));
        model.addAttribute("resolvedThisWeek", lastWeek.get(2));
        model.addAttribute("withinHour", all == 0 ? null : Math.round(100.0 * answered / all));
        long[] ratings = d.ratings();
        model.addAttribute("rated", ratings[0]);
        model.addAttribute("ratedGood", ratings[1]);
        model.addAttribute("goodShare", ratings[0] == 0 ? null : Math.round(100.0 * ratings[1] / ratings[0]));
        model.addAttribute(
                "charts",
                List.of(
                        cards.card(d.backlog(), Grain.WEEK, "stack", 1, 2, 3, 4),
                        cards.card(d.weekly(), Grain.WEEK, "line", 1, 2),
                        cards.card(d.agents(), Grain.WEEK, "bar", 1, 2),
                        cards.card(d.firstResponse(), Grain.WEEK, "bar", 1),
                        cards.card(d.channels(), Grain.WEEK, "pie", 1),
                        cards.card(d.normHours(), Grain.WEEK, "stack", 2, 3, 4, 5),
                        cards.card(d.sla(), Grain.WEEK, "bar", 2, 3, 6, 7),
                        cards.card(d.satisfaction(), Grain.WEEK, "bar", 2, 3),
                        cards.card(d.overPlan(), Grain.MONTH, "bar", 2, 3)));
        model.addAttribute("deferred", cards.card(d.deferred(), Grain.MONTH, "bar", 1));
        model.addAttribute("deferredCount", d.deferredRequests());
        model.addAttribute("overPlanCount", d.clientsOverPlan());
        model.addAttribute("monthsClosed", d.monthsClosed());
        model.addAttribute("at", d.at());
        return "workspace/report/dashboard";
    }

    @GetMapping("/desk/reports")
    String reports() {
        return "redirect:/desk/reports/volume";
    }

    @GetMapping("/desk/reports/{kind}")
    String report(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "MONTH") Grain grain,
            @RequestParam(required = false) Long org,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String plan,
            Model model) {
        allowed(me);
        ReportFilter filter = filter(from, to, grain, org, person, plan);
        ReportSnapshot snapshot = snapshots.report(kind, filter);
        ReportTable table = snapshot.table();
        model.addAttribute("kind", kind);
        model.addAttribute("at", snapshot.at());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("filter", filter);
        model.addAttribute("grains", Grain.values());
        model.addAttribute(
                "orgChoice",
                customers.organizationChoice(filter.organizationId()).orElse(null));
        model.addAttribute("people", staff.everyone());
        model.addAttribute("plans", PLANS);
        model.addAttribute(
                "card",
                switch (kind) {
                    case "volume" -> cards.card(table, grain, "stack", 2, 3, 4, 5);
                    case "volumeBySite" -> cards.card(table, grain, "bar", 2, 3);
                    case "tags" -> cards.card(table, grain, "bar", 1, 2);
                    case "staffActivity" -> cards.byPerson(table, grain, "bar", 2);
                    case "normHours" -> cards.byPerson(table, grain, "stack", 2);
                    case "slaByPlan", "slaByAgent" -> cards.card(table, grain, "bar", 2, 3, 6, 7);
                    case "satisfactionByAgent", "satisfactionByClient", "satisfactionByPlan" ->
                        cards.card(table, grain, "bar", 2, 3);
                    case "utilisation" ->
                        filter.organizationId() != null
                                ? cards.card(table, grain, "line", 2, 3, 4, 7)
                                : cards.card(table, grain, "bar", 2, 3, 4);
                    default -> cards.card(table, grain, "line", 3, 4, 7);
                });
        model.addAttribute("query", query(filter));
        return "workspace/report/report";
    }

    @GetMapping("/desk/reports/{kind}/export")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String kind,
            @RequestParam String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "MONTH") Grain grain,
            @RequestParam(required = false) Long org,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String plan) {
        allowed(me);
        ReportFilter filter = filter(from, to, grain, org, person, plan);
        ReportTable table = snapshots.report(kind, filter).table();
        String title = labels.message("report." + kind);
        String name = kind + "-" + filter.from() + "-" + filter.to() + "." + format;
        byte[] body;
        MediaType type;
        if ("csv".equals(format)) {
            body = exports.csv(table, labels::header, (c, v) -> labels.text(c, v, grain));
            type = new MediaType("text", "csv", StandardCharsets.UTF_8);
        } else if ("xlsx".equals(format)) {
            body = exports.xlsx(table, title, labels::header, (c, v) -> labels.text(c, v, grain));
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        } else {
            return ResponseEntity.notFound().build();
        }
        audit.record(AuditAction.EXPORTED, name, table.rows().size() + " rows");
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private ReportFilter filter(LocalDate from, LocalDate to, Grain grain, Long org, Long person, String plan) {
        LocalDate today = reports.today();
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusMonths(5).withDayOfMonth(1);
        if (start.isAfter(end)) {
            start = end;
        }
        return new ReportFilter(start, end, grain, org, person, plan != null && PLANS.contains(plan) ? plan : null);
    }

    private static String query(ReportFilter f) {
        return "?from=" + f.from().format(DateTimeFormatter.ISO_DATE) + "&to="
                + f.to().format(DateTimeFormatter.ISO_DATE)
                + "&grain=" + f.grain() + (f.organizationId() == null ? "" : "&org=" + f.organizationId())
                + (f.staffId() == null ? "" : "&person=" + f.staffId())
                + (f.planCode() == null ? "" : "&plan=" + f.planCode());
    }

    private static void allowed(TideskUser me) {
        if (me == null || !me.hasRole(Role.HEAD, Role.ADMIN)) {
            throw new AccessDeniedException("Reports are for heads and admins");
        }
    }
}
