package dev.tidesk.system;

import dev.tidesk.shared.Installation;
import dev.tidesk.worklog.HoursFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs: the time zone and formats for dates and norm-hours, and the current path
 * for the language switch. Templates read these model attributes; they call no beans.
 */
@ControllerAdvice
class LayoutAdvice {

    private final Installation installation;
    private final Formats formats;
    private final HoursFormat hours;

    private final java.time.Clock clock;

    LayoutAdvice(Installation installation, Formats formats, HoursFormat hours, java.time.Clock clock) {
        this.clock = clock;
        this.installation = installation;
        this.formats = formats;
        this.hours = hours;
    }

    /** Dates, ages and sizes in the reader's language and the installation's zone: {@code ${fmt.dateTime(at)}}. */
    @ModelAttribute("fmt")
    Formats fmt() {
        return formats;
    }

    /** Norm-hours as people read them: {@code ${hours.of(minutes)}}. */
    @ModelAttribute("hours")
    HoursFormat hours() {
        return hours;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return installation.timeZone();
    }

    /** Today in the installation's zone. */
    @ModelAttribute("today")
    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(installation.timeZone()));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
