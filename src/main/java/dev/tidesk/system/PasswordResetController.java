package dev.tidesk.system;

import dev.tidesk.identity.PasswordResets;
import dev.tidesk.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot password" for both areas, open to everyone: ask for a link by e-mail, then set a new
 * password with it. The answer to asking is the same whether or not the address has an account.
 */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final MessageSource messages;

    private final Clock clock;

    PasswordResetController(PasswordResets resets, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping("/{area:portal|desk}/password/forgot")
    String forgotForm(@PathVariable String area, Model model) {
        model.addAttribute("area", area);
        return "system/password-forgot";
    }

    @PostMapping("/{area:portal|desk}/password/forgot")
    String forgot(
            @PathVariable String area, @RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        resets.request(username, Instant.now(clock));
        redirect.addFlashAttribute("flash", text("reset.sent", username.strip()));
        return "redirect:/" + area + "/login";
    }

    @GetMapping("/{area:portal|desk}/password/reset")
    String resetForm(@PathVariable String area, @RequestParam(defaultValue = "") String token, Model model) {
        Optional<PasswordResets.Link> link = resets.link(token, Instant.now(clock));
        model.addAttribute("area", link.map(l -> l.staff() ? "desk" : "portal").orElse(area));
        model.addAttribute("link", link.orElse(null));
        model.addAttribute("token", token);
        return "system/password-reset";
    }

    @PostMapping("/{area:portal|desk}/password/reset")
    String reset(
            @PathVariable String area,
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            RedirectAttributes redirect) {
        Instant now = Instant.now(clock);
        if (!password.equals(confirmation)) {
            model.addAttribute("error", text("reset.mismatch"));
            return resetForm(area, token, model);
        }
        try {
            PasswordResets.Link link = resets.complete(token, password, now);
            redirect.addFlashAttribute("flash", text("reset.done"));
            return "redirect:/" + (link.staff() ? "desk" : "portal") + "/login";
        } catch (DomainException e) {
            model.addAttribute(
                    "error",
                    messages.getMessage(e.messageKey(), e.args(), e.getMessage(), LocaleContextHolder.getLocale()));
            return resetForm(area, token, model);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
