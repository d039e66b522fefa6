package dev.tidesk.workspace;

import dev.tidesk.customer.Customers;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.routing.CalendarBook;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.routing.RoutingQueue;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Take-next, availability, the personal manager's clients and the admins' working calendar. */
@Controller
class RoutingController {

    private final RoutingQueue queue;
    private final StaffDirectory staff;
    private final ClientTermsBook terms;
    private final CalendarBook calendars;
    private final Customers customers;
    private final Installation installation;
    private final MessageSource messages;
    private final java.time.Duration holdTime;

    private final Clock clock;

    RoutingController(
            RoutingQueue queue,
            StaffDirectory staff,
            ClientTermsBook terms,
            CalendarBook calendars,
            Customers customers,
            Installation installation,
            MessageSource messages,
            @Value("${tidesk.routing.manager-hold:PT30M}") java.time.Duration holdTime,
            Clock clock) {
        this.clock = clock;
        this.queue = queue;
        this.staff = staff;
        this.terms = terms;
        this.calendars = calendars;
        this.customers = customers;
        this.installation = installation;
        this.messages = messages;
        this.holdTime = holdTime;
    }

    @PostMapping("/desk/routing/take-next")
    String takeNext(@AuthenticationPrincipal TideskUser me, RedirectAttributes redirect) {
        Optional<String> tid = me.staffId() == null ? Optional.empty() : queue.takeNext(me.staffId(), me.displayName());
        if (tid.isEmpty()) {
            redirect.addFlashAttribute("flash", text("routing.takeNext.empty"));
            return "redirect:/desk";
        }
        redirect.addFlashAttribute("flash", text("desk.request.taken"));
        return "redirect:/desk/requests/" + tid.get();
    }

    @PostMapping("/desk/routing/availability")
    String availability(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam Availability availability,
            RedirectAttributes redirect) {
        if (me.staffId() != null) {
            staff.setAvailability(me.staffId(), availability);
            redirect.addFlashAttribute("flash", text("routing.availability.saved"));
        }
        return "redirect:/desk";
    }

    @GetMapping("/desk/routing/my-clients")
    String myClients(@AuthenticationPrincipal TideskUser me, Model model) {
        long id = me.staffId() == null ? -1 : me.staffId();
        model.addAttribute("held", queue.heldFor(id));
        model.addAttribute(
                "clients",
                terms.clientsOf(id).stream().map(customers::organization).toList());
        model.addAttribute("holdMinutes", holdTime.toMinutes());
        return "workspace/routing/my-clients";
    }

    @GetMapping("/desk/admin/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        int y = year != null
                ? year
                : Year.now(clock.withZone(installation.timeZone())).getValue();
        if (y < 1970 || y > 2200) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "No calendar for the year " + y);
        }
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(y - 1, y, y + 1));
        model.addAttribute("days", calendars.days(y));
        model.addAttribute("transfersMissing", calendars.transfersMissing());
        model.addAttribute("calendar", calendars.calendar());
        model.addAttribute("defaultZone", installation.timeZone().getId());
        return "workspace/routing/calendar";
    }

    @PostMapping("/desk/admin/calendar/hours")
    String hours(
            @RequestParam(required = false) String zone,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime start,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime end,
            RedirectAttributes redirect) {
        calendars.setHours(zone, start, end);
        redirect.addFlashAttribute("flash", text("calendar.saved"));
        return "redirect:/desk/admin/calendar";
    }

    @PostMapping("/desk/admin/calendar/days")
    String day(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam boolean working,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        calendars.setDay(day, working, note);
        redirect.addFlashAttribute("flash", text("calendar.saved"));
        return "redirect:/desk/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/desk/admin/calendar/days/{day}/delete")
    String removeDay(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
        calendars.removeDay(day);
        redirect.addFlashAttribute("flash", text("calendar.saved"));
        return "redirect:/desk/admin/calendar?year=" + day.getYear();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
