package dev.tidesk.system;

import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.ApiTokens;
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
    private final ApiTokens tokens;
    private final MessageSource messages;
    private final Customers customers;

    AccountController(Accounts accounts, ApiTokens tokens, MessageSource messages, Customers customers) {
        this.customers = customers;
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/{area:portal|desk}/account")
    String page(@PathVariable String area, @AuthenticationPrincipal TideskUser me, Model model) {
        model.addAttribute("area", area);
        model.addAttribute("tokens", "desk".equals(area) ? tokens.of(me.accountId()) : java.util.List.of());
        model.addAttribute(
                "contact", "portal".equals(area) && me.contactId() != null ? customers.contact(me.contactId()) : null);
        return "system/account";
    }

    /** Staff issue API tokens for their integrations; the token is shown once. */
    @PostMapping("/desk/account/tokens")
    String issueToken(@AuthenticationPrincipal TideskUser me, @RequestParam String name, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newToken", tokens.issue(me.accountId(), name));
        return "redirect:/desk/account";
    }

    @PostMapping("/desk/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal TideskUser me, @PathVariable long id) {
        tokens.revoke(me.accountId(), id);
        return "redirect:/desk/account";
    }

    /** A contact asks for (or stops) the monthly statement by e-mail. */
    @PostMapping("/portal/account/statement")
    String monthlyStatement(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam(defaultValue = "false") boolean monthlyStatement,
            RedirectAttributes redirect) {
        customers.changeMonthlyStatement(me.contactId(), monthlyStatement);
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        monthlyStatement ? "account.statement.on" : "account.statement.off",
                        null,
                        LocaleContextHolder.getLocale()));
        return "redirect:/portal/account";
    }

    @PostMapping("/{area:portal|desk}/account/password")
    String change(
            @PathVariable String area,
            @AuthenticationPrincipal TideskUser me,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            RedirectAttributes redirect) {
        accounts.changePassword(me.accountId(), currentPassword, newPassword);
        redirect.addFlashAttribute(
                "flash", messages.getMessage("account.password.changed", null, LocaleContextHolder.getLocale()));
        return "redirect:/" + area + "/account";
    }
}
