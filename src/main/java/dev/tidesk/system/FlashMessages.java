package dev.tidesk.system;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one line of feedback a page shows after a form redirected to it (the layout's {@code flash}
 * and {@code error}), in the reader's language.
 */
@Component
public class FlashMessages {

    private final MessageSource messages;

    FlashMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** What was done, e.g. "Договор подписан." */
    public void notice(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", text(key, args));
    }

    /** Why it was not done. */
    public void error(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("error", text(key, args));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }
}
