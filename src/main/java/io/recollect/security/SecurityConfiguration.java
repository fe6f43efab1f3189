package io.recollect.security;

import static io.recollect.security.Roles.ADMIN;
import static io.recollect.security.Roles.AUDITORS;
import static io.recollect.security.Roles.COLLECTORS;
import static io.recollect.security.Roles.FINANCE;
import static io.recollect.security.Roles.INTEGRATIONS;
import static io.recollect.security.Roles.MANAGERS;
import static io.recollect.security.Roles.OPERATORS;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. Machines use the JSON API and Camunda's REST API with HTTP Basic and get a 401
 * problem when they do not authenticate; people use a login form, then the Camunda webapps
 * trust that login (see {@link CamundaWebFilters}). Nothing but health is open. Logins go through
 * the {@link LoginThrottle}: a throttled login gets 429 with Retry-After, or a message on the form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The app's own pages (login, Swagger UI, errors) load everything from here. The Camunda
     * webapps send their own policy, with nonces for their scripts; a second policy would
     * apply on top and block them, so theirs is left alone.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        // Path matchers, not MVC ones: /engine-rest is Jersey's servlet, not Spring MVC's.
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        // what collectors learn from customers: promises, disputes, pauses, hardship
                        .requestMatchers(path("/api/customers/*/promises"), path("/api/customers/*/dunning-pause"),
                                path("/api/customers/*/hardship"), path("/api/invoices/*/disputes"),
                                path(HttpMethod.POST, "/api/disputes"), path("/api/invoices/*/dunning-pause"),
                                // hardship payment plans: start one, preview a proposal's schedule
                                path(HttpMethod.POST, "/api/customers/*/payment-plans"),
                                path(HttpMethod.POST, "/api/customers/*/payment-plans/preview"))
                        .hasAnyRole(ADMIN, INTEGRATIONS, COLLECTORS, MANAGERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/access-log")).hasRole(AUDITORS)
                        .requestMatchers(path(HttpMethod.POST, "/api/customers/*/write-off-requests"))
                        .hasAnyRole(COLLECTORS, MANAGERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/write-offs"), path(HttpMethod.GET, "/api/write-offs/**"))
                        .hasAnyRole(ADMIN, MANAGERS, FINANCE)
                        .requestMatchers(path(HttpMethod.PUT, "/api/customers/*/team")).hasAnyRole(ADMIN, INTEGRATIONS, MANAGERS)
                        // loading a portfolio's history: the billing system's integration, or an admin
                        .requestMatchers(path("/api/imports"), path("/api/imports/**")).hasAnyRole(ADMIN, INTEGRATIONS)
                        .requestMatchers(path(HttpMethod.POST, "/api/customers/**"), path(HttpMethod.POST, "/api/invoices/**"))
                        .hasAnyRole(ADMIN, INTEGRATIONS)
                        .requestMatchers(path("/api/reconciliation/**"), path("/api/bank-statements"),
                                path("/api/bank-statements/**")).hasAnyRole(ADMIN, FINANCE)
                        // giving money back or moving it by hand is finance's call, not an integration's
                        .requestMatchers(path(HttpMethod.POST, "/api/payments/*/refunds"),
                                path(HttpMethod.POST, "/api/payments/*/allocations")).hasAnyRole(ADMIN, FINANCE)
                        .requestMatchers(path(HttpMethod.POST, "/api/payments/**")).hasAnyRole(ADMIN, INTEGRATIONS, FINANCE)
                        .requestMatchers(path(HttpMethod.POST, "/api/service-codes")).hasAnyRole(ADMIN, FINANCE)
                        .requestMatchers(path(HttpMethod.GET, "/api/dashboard")).hasAnyRole(ADMIN, MANAGERS, FINANCE)
                        // operators and managers start and watch collection runs
                        .requestMatchers(path("/api/collection-runs"), path("/api/collection-runs/**"))
                        .hasAnyRole(ADMIN, MANAGERS)
                        // managers govern the rule tables (the service checks again, and four-eyes)
                        .requestMatchers(path("/api/rule-tables"), path("/api/rule-tables/**")).hasRole(MANAGERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/**"))
                        .hasAnyRole(ADMIN, INTEGRATIONS, COLLECTORS, MANAGERS, FINANCE)
                        .requestMatchers(path("/engine-rest/**")).authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a logged-in person may use /api from this origin (Swagger UI); see ApiSessionAccess
                .securityContext(context -> context.securityContextRepository(ApiSessionAccess.contextRepository()))
                // Basic-auth clients send no browser cookies, so there is nothing to forge; the session's token
                // is asked of requests that ride on the session cookie.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ApiSessionAccess.needsCsrf())
                        .csrfTokenRequestHandler(ApiSessionAccess.tokenFromHeader())
                        .csrfTokenRepository(sessionTokens(ApiSessionAccess.CSRF_HEADER)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new ProblemAccessDeniedHandler()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/**"), path("/login"), path("/error")).permitAll()
                        // the login page is in the layout: its stylesheet and scripts load before anyone logs in
                        .requestMatchers(path("/css/**"), path("/js/**"), path("/webjars/htmx.org/**"),
                                path("/webjars/echarts/**")).permitAll()
                        // the account page's actions: what collectors learn from customers
                        .requestMatchers(path(HttpMethod.POST, "/customers/**")).hasAnyRole(ADMIN, COLLECTORS, MANAGERS)
                        .requestMatchers(path("/customers"), path("/customers/**"))
                        .hasAnyRole(ADMIN, COLLECTORS, MANAGERS, FINANCE)
                        .requestMatchers(path("/actuator/**")).hasAnyRole(ADMIN, OPERATORS)
                        .requestMatchers(path("/rule-tables"), path("/rule-tables/**")).hasRole(MANAGERS)
                        .requestMatchers(path("/dashboard")).hasAnyRole(ADMIN, MANAGERS, FINANCE)
                        .requestMatchers(path("/finance"), path("/finance/**")).hasAnyRole(ADMIN, FINANCE)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(formFailure()))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicOrThrottled()))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path("/camunda/**")),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // The Camunda webapps run their own CSRF protection with the same cookie name.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**"))
                        .csrfTokenRepository(sessionTokens(null)))
                .addFilterAfter(new ApiSessionAccess.TokenCookie(), CsrfFilter.class);
        return http.build();
    }

    /**
     * A throttled form login gets a page of its own (Spring's login page says only "Invalid
     * credentials"), with 429 and Retry-After; any other failure goes back to the form.
     */
    private static AuthenticationFailureHandler formFailure() {
        SimpleUrlAuthenticationFailureHandler backToForm = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Please wait</title></head><body><p>" + throttled.getMessage()
                        + "</p><p><a href=\"/login\">Back to the login</a></p></body></html>");
            } else {
                backToForm.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    /** Basic auth outside the API: the usual challenge, or 429 with Retry-After while throttled. */
    private static AuthenticationEntryPoint basicOrThrottled() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Recollect");
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                response.setContentType("text/plain");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(throttled.getMessage());
            } else {
                basic.commence(request, response, failure);
            }
        };
    }

    /** One token per session, the same for both chains; the API chain reads it from its own header. */
    private static HttpSessionCsrfTokenRepository sessionTokens(String header) {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        if (header != null) {
            tokens.setHeaderName(header);
        }
        return tokens;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
