package dev.tidesk;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends the SESSION cookie that a {@link WebTest} login's session carries with each request made
 * with it. A class of its own, not nested in {@link WebTest}: for a nested one Spring 7.0 warns, for
 * every subclass, that it ignores it as the test's default configuration and 7.1 will not.
 */
@TestConfiguration(proxyBeanMethods = false)
class SessionCookies {

    @Bean
    MockMvcBuilderCustomizer sessionCookie() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(WebTest.COOKIE) instanceof Cookie cookie) {
                Cookie[] others = request.getCookies() == null ? new Cookie[0] : request.getCookies();
                Cookie[] all = java.util.Arrays.copyOf(others, others.length + 1);
                all[others.length] = cookie;
                request.setCookies(all);
            }
            return request;
        }));
    }
}
