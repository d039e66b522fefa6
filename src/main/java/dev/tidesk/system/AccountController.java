package dev.tidesk.system;

import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.TideskUser;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Anyone signed in changes their own password, in their own area ({@code /portal/account} or
 * {@code /desk/account}); the security chains already keep each area to its people.
 */
@Controller
class AccountController {

    private final Accounts accounts;
    private final MessageSource messages;

    AccountController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/{area:portal|desk}/account")
    String page(@PathVariable String area, Model model) {
        model.addAttribute("area", area);
        return "system/account";
    }

    @PostMapping("/{area:portal|desk}/account/password")
    String change(@PathVariable String area, @AuthenticationPrincipal TideskUser me,
            @RequestParam String currentPassword, @RequestParam String newPassword, RedirectAttributes redirect) {
        accounts.changePassword(me.accountId(), currentPassword, newPassword);
        redirect.addFlashAttribute("flash",
                messages.getMessage("account.password.changed", null, LocaleContextHolder.getLocale()));
        return "redirect:/" + area + "/account";
    }
}
