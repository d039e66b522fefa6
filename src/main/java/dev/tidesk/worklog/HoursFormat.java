package dev.tidesk.worklog;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Minutes shown as norm-hours in templates: {@code ${@hours.of(minutes)}}. */
@Component
public class HoursFormat {

    public String of(Number minutes) {
        return minutes == null ? "—" : NormHours.format(minutes.longValue(), LocaleContextHolder.getLocale());
    }
}
