package dev.tidesk.identity;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Two areas with their own login pages: the client portal and the staff workspace. A contact
 * signed in to the portal gets 403 in the workspace and the other way round. Every form is
 * protected against CSRF (Spring Security's default, kept on).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * New passwords are hashed with BCrypt at {@code tidesk.identity.password-hash-strength} (log
     * rounds, Spring Security's default 10; each step doubles the work); a hash of another kind or
     * cost is still read. The tests set 4: they create and sign in thousands of accounts, and at 10
     * each hash costs 0.1 to 0.3 s of a busy 2-core machine.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${tidesk.identity.password-hash-strength:10}") int strength) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", new BCryptPasswordEncoder(strength));
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", encoders);
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain portalChain(
            HttpSecurity http, LoginThrottle throttle, DeviceCookies devices, ApplicationEventPublisher events)
            throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/portal/login", "/portal/password/**")
                        .permitAll()
                        // a mail's answer link is the authority for its one decision: no sign-in needed
                        // (the first mails' addresses lead to the same pages)
                        .requestMatchers("/portal/answer/**", "/portal/task-links/*", "/portal/deferrals/*")
                        .permitAll()
                        .anyRequest()
                        .hasRole("CLIENT"))
                // after signing in, a contact lands on the page they came for (an e-mail link), else the portal
                .formLogin(form -> form.loginPage("/portal/login")
                        .successHandler(signedIn("/portal", false, devices))
                        .failureUrl("/portal/login?error")
                        .permitAll())
                .addFilterBefore(
                        new LoginThrottleFilter("/portal/login", throttle, devices, events),
                        UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"))
                .requestCache(cache -> cache.requestCache(pageRequestCache()));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain deskChain(
            HttpSecurity http, LoginThrottle throttle, DeviceCookies devices, ApplicationEventPublisher events)
            throws Exception {
        http.securityMatcher("/desk/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/desk/login", "/desk/password/**")
                        .permitAll()
                        // mailboxes reach into the network and carry passwords; the audit log is the admin's,
                        // and so are the agency's requisites that every акт is issued under
                        .requestMatchers(
                                "/desk/admin/mail/mailboxes/**", "/desk/admin/audit/**", "/desk/admin/requisites")
                        .hasRole("ADMIN")
                        .requestMatchers("/desk/admin/**", "/desk/dashboard", "/desk/reports/**", "/desk/reports")
                        .hasAnyRole("ADMIN", "HEAD")
                        // a client's contacts and sites: support keeps them current too, specialists do not
                        .requestMatchers("/desk/directory/**")
                        .hasAnyRole("ADMIN", "HEAD", "AGENT", "MANAGER")
                        // support sets specialists' tasks; specialists work the tasks they are given
                        .requestMatchers(HttpMethod.POST, "/desk/requests/*/tasks")
                        .hasAnyRole("ADMIN", "HEAD", "AGENT", "MANAGER")
                        // the support queue is support's: specialists work behind it (the seed)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/desk/routing/take-next",
                                "/desk/requests/*/take",
                                "/desk/requests/bulk")
                        .hasAnyRole("ADMIN", "HEAD", "AGENT", "MANAGER")
                        // the monthly акт is a document for the client: support's, not the specialists'
                        .requestMatchers("/desk/clients/*/statements/*/act", "/desk/clients/*/statements/*/act/**")
                        .hasAnyRole("ADMIN", "HEAD", "AGENT", "MANAGER")
                        .anyRequest()
                        .hasRole("STAFF"))
                .formLogin(form -> form.loginPage("/desk/login")
                        .successHandler(signedIn("/desk", true, devices))
                        .failureUrl("/desk/login?error")
                        .permitAll())
                .addFilterBefore(
                        new LoginThrottleFilter("/desk/login", throttle, devices, events),
                        UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/desk/logout").logoutSuccessUrl("/desk/login?logout"))
                .requestCache(cache -> cache.requestCache(pageRequestCache()))
                // a page's background request (the bell's count) after the session ended: a 401 that htmx
                // leaves alone, not the sign-in page swapped into the header
                .exceptionHandling(e -> e.authenticationEntryPoint(deskEntryPoint()));
        headers(http);
        return http.build();
    }

    /** Pages go to the sign-in page; htmx's background requests get a bare 401. */
    private static org.springframework.security.web.AuthenticationEntryPoint deskEntryPoint() {
        var login = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/desk/login");
        var entries = new java.util.LinkedHashMap<
                org.springframework.security.web.util.matcher.RequestMatcher,
                org.springframework.security.web.AuthenticationEntryPoint>();
        entries.put(
                new org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher("HX-Request", "true"),
                new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                        org.springframework.http.HttpStatus.UNAUTHORIZED));
        var entryPoint =
                new org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint(entries);
        entryPoint.setDefaultEntryPoint(login);
        return entryPoint;
    }

    /**
     * After signing in: the browser gets the login's device cookie ({@link DeviceCookies}), then goes
     * to the page it came for (a mail's link) or the area's start page.
     */
    private static AuthenticationSuccessHandler signedIn(String home, boolean alwaysHome, DeviceCookies devices) {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl(home);
        then.setAlwaysUseDefaultTargetUrl(alwaysHome);
        then.setRequestCache(pageRequestCache());
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof TideskUser user) {
                devices.issue(user, request, response);
            }
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * The page a signed-out person asked for is remembered (in the session) so that signing in leads
     * there. Only a browser's page view is: a GET without credentials of its own. A request with an
     * {@code Authorization} header (a script sending an API token to a page) is not kept, so it
     * neither opens a session nor leaves its token in the session table.
     */
    private static RequestCache pageRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("Authorization")),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("HX-Request")),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))));
        return cache;
    }

    /** The HTTP API: stateless, a bearer token per request, no cookies and so no CSRF to guard. */
    @Bean
    @Order(0)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/mail/**", "/api/v1/months/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasRole("STAFF"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> problem(res, 401, "A valid API token is required"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "This token may not do that")));
        return http.build();
    }

    /**
     * Actuator: health (with its liveness and readiness groups) is public and shows only the status;
     * an admin's API token also sees the details. Info and the Prometheus metrics need an admin's
     * API token (a scraper sends it as a bearer token). Nothing else of actuator is exposed.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain actuatorChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .anyRequest()
                                .hasRole("ADMIN"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> problem(res, 401, "An admin's API token is required"))
                        .accessDeniedHandler(
                                (req, res, ex) -> problem(res, 403, "Only an admin's token may read this")));
        headers(http);
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, int status, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        headers(http);
        return http.build();
    }

    /**
     * Scripts come from this site's files only: no inline script, no eval ({@code 'unsafe-inline'} stays
     * for styles, which run nothing). Pages are never framed by others. Mail images from the web load
     * only when an admin asks for them ({@code img-src https:}); HSTS is sent on HTTPS requests, which
     * is how Tidesk sees them behind a TLS proxy with {@code server.forward-headers-strategy} set.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'";

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }
}
