package dev.tidesk.system;

import dev.tidesk.identity.TideskUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person into every page as {@code me}. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    TideskUser me(@AuthenticationPrincipal TideskUser user) {
        return user;
    }
}
