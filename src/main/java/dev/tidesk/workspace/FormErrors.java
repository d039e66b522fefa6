package dev.tidesk.workspace;

import dev.tidesk.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Why a form could not be saved, in the reader's language: each field's problem under the field's
 * label ({@code <labels>.<field>} in the bundles), and the rule a domain object refused.
 */
final class FormErrors {

    private FormErrors() {}

    static List<String> of(BindingResult result, MessageSource messages, String labels) {
        List<String> problems = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (FieldError e : result.getFieldErrors()) {
            problems.add(messages.getMessage(labels + "." + e.getField(), null, e.getField(), locale) + ": "
                    + messages.getMessage(e, locale));
        }
        return problems;
    }

    static String of(DomainException e, MessageSource messages) {
        return messages.getMessage(e.messageKey(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }
}
