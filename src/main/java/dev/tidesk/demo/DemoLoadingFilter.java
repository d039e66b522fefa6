package dev.tidesk.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * While the demo loads, every route answers 503 with {@code Retry-After} and a page that says so
 * and reloads itself, in the visitor's language, so nobody signs in to a half-loaded demo. The
 * style sheet is still served, and health answers (liveness UP, readiness OUT_OF_SERVICE). Placed before the session and security filters: a page that
 * cannot be used yet touches neither.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoLoadingFilter extends OncePerRequestFilter {

    static final int RETRY_SECONDS = 5;

    private final DemoLoading demo;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    DemoLoadingFilter(DemoLoading demo, ITemplateEngine templates, LocaleResolver locales) {
        this.demo = demo;
        this.templates = templates;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // health speaks for itself: alive, and not ready until the demo is loaded (DemoHealthIndicator)
        if (!demo.loading()
                || path.startsWith("/assets/")
                || path.startsWith("/webjars/")
                || path.startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setCharacterEncoding("UTF-8");
        Locale locale = locale(request);
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"title\":\"The demo data are loading\",\"status\":503,\"detail\":\"Try again in "
                            + RETRY_SECONDS + " seconds\"}");
            return;
        }
        response.setContentType("text/html");
        Context context = new Context(locale);
        context.setVariable("retrySeconds", RETRY_SECONDS);
        templates.process("demo/loading", context, response.getWriter());
    }

    /** The language asked for in the address ({@code lang=en}), else the visitor's usual one. */
    private Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "ru".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        return locales.resolveLocale(request);
    }
}
