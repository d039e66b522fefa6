package dev.tidesk.system;

import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Accounts;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.NoticeKind;
import dev.tidesk.notice.Notices;
import org.springframework.beans.factory.annotation.Value;
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

    private final Notices notices;
    private final long digestMinutes;

    AccountController(
            Accounts accounts,
            ApiTokens tokens,
            MessageSource messages,
            Customers customers,
            Notices notices,
            @Value("${tidesk.mail.staff-digest-every:15m}") java.time.Duration digestEvery) {
        this.notices = notices;
        this.digestMinutes = digestEvery.toMinutes();
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
        if ("desk".equals(area) && me.staffId() != null) {
            model.addAttribute("noticeKinds", NoticeKind.values());
            model.addAttribute("mailedKinds", notices.mailedKinds(me.staffId()));
            model.addAttribute("mailLanguage", accounts.language(me.accountId()));
            model.addAttribute("languages", Accounts.LANGUAGES);
            model.addAttribute("digestMinutes", digestMinutes);
        }
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

    /**
     * Staff choose the kinds of notice they also want by e-mail (none by default) and the language of
     * that mail; unknown kinds are ignored.
     */
    @PostMapping("/desk/account/notice-mail")
    String noticeMail(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam(required = false) java.util.List<String> kinds,
            @RequestParam(defaultValue = "ru") String language,
            RedirectAttributes redirect) {
        if (me.staffId() == null) {
            throw new org.springframework.security.access.AccessDeniedException("Staff only");
        }
        java.util.Set<NoticeKind> chosen = java.util.EnumSet.noneOf(NoticeKind.class);
        for (String k : kinds == null ? java.util.List.<String>of() : kinds) {
            for (NoticeKind kind : NoticeKind.values()) {
                if (kind.name().equals(k)) {
                    chosen.add(kind);
                }
            }
        }
        accounts.changeLanguage(me.accountId(), language);
        notices.mailKinds(me.staffId(), chosen);
        redirect.addFlashAttribute(
                "flash", messages.getMessage("account.noticeMail.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/desk/account#notice-mail";
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
