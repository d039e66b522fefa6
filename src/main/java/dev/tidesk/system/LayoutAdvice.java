package dev.tidesk.system;

import java.time.ZoneId;

import dev.tidesk.shared.Installation;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the time zone for dates and the current path for the language switch. */
@ControllerAdvice
class LayoutAdvice {

    private final Installation installation;

    LayoutAdvice(Installation installation) {
        this.installation = installation;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return installation.timeZone();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
