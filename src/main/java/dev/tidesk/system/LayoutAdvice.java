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

    private final int livePollSeconds;
    private final int liveIdleMinutes;

    LayoutAdvice(
            Installation installation,
            Formats formats,
            HoursFormat hours,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tidesk.live.poll-seconds:15}") int livePollSeconds,
            @org.springframework.beans.factory.annotation.Value("${tidesk.live.idle-minutes:30}") int liveIdleMinutes) {
        this.livePollSeconds = livePollSeconds;
        this.liveIdleMinutes = liveIdleMinutes;
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

    /** The same page in each language: the path and, for a page opened by GET, its query (a search, a filter). */
    @ModelAttribute("languageLinks")
    java.util.Map<String, String> languageLinks(HttpServletRequest request) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        for (String language : java.util.List.of("ru", "en")) {
            var link = org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI());
            if ("GET".equals(request.getMethod())) {
                request.getParameterMap().forEach((name, values) -> {
                    // "known" is what a live list last showed, asked by the page itself, never a link's
                    if (!"lang".equals(name) && !"known".equals(name)) {
                        link.queryParam(name, (Object[]) values);
                    }
                });
            }
            links.put(
                    language, link.queryParam("lang", language).encode().build().toUriString());
        }
        return links;
    }

    /**
     * How often an open page asks for news (the bell, the queue, the request's live part). A hidden
     * tab or one nobody has touched for {@code tidesk.live.idle-minutes} asks nothing, so an
     * abandoned workspace still reaches its session's idle timeout.
     */
    @ModelAttribute("livePollSeconds")
    int livePollSeconds() {
        return livePollSeconds;
    }

    @ModelAttribute("liveIdleMinutes")
    int liveIdleMinutes() {
        return liveIdleMinutes;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
