package dev.tidesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the sign-in form's processing: an attempt {@link LoginThrottle} refuses goes back to
 * the sign-in page with how long to wait, without the password being checked.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final String loginUrl;
    private final LoginThrottle throttle;
    private final DeviceCookies devices;
    private final ApplicationEventPublisher events;

    LoginThrottleFilter(
            String loginUrl, LoginThrottle throttle, DeviceCookies devices, ApplicationEventPublisher events) {
        this.loginUrl = loginUrl;
        this.throttle = throttle;
        this.devices = devices;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !loginUrl.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String login = request.getParameter("username");
        Optional<Duration> wait = throttle.refusal(login, request.getRemoteAddr(), () -> devices.knows(request, login));
        if (wait.isPresent()) {
            events.publishEvent(new SignInThrottled(LoginThrottle.key(login), request.getRemoteAddr()));
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            response.sendRedirect(request.getContextPath() + loginUrl + "?throttled=" + minutes);
            return;
        }
        chain.doFilter(request, response);
    }
}
