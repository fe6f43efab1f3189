package io.recollect.security;

import static io.recollect.security.Roles.ADMIN;
import static io.recollect.security.Roles.AUDITORS;
import static io.recollect.security.Roles.COLLECTORS;
import static io.recollect.security.Roles.FINANCE;
import static io.recollect.security.Roles.INTEGRATIONS;
import static io.recollect.security.Roles.MANAGERS;
import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. Machines use the JSON API and Camunda's REST API with HTTP Basic and get a 401
 * problem when they do not authenticate; people use a login form, then the Camunda webapps
 * trust that login (see {@link CamundaWebFilters}). Nothing but health is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        // Path matchers, not MVC ones: /engine-rest is Jersey's servlet, not Spring MVC's.
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        // what collectors learn from customers: promises, disputes, pauses, hardship
                        .requestMatchers(path("/api/customers/*/promises"), path("/api/customers/*/dunning-pause"),
                                path("/api/customers/*/hardship"), path("/api/invoices/*/disputes"),
                                path("/api/invoices/*/dunning-pause"))
                        .hasAnyRole(ADMIN, INTEGRATIONS, COLLECTORS, MANAGERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/access-log")).hasRole(AUDITORS)
                        .requestMatchers(path(HttpMethod.PUT, "/api/customers/*/team")).hasAnyRole(ADMIN, INTEGRATIONS, MANAGERS)
                        .requestMatchers(path(HttpMethod.POST, "/api/customers/**"), path(HttpMethod.POST, "/api/invoices/**"))
                        .hasAnyRole(ADMIN, INTEGRATIONS)
                        .requestMatchers(path(HttpMethod.POST, "/api/payments/**")).hasAnyRole(ADMIN, INTEGRATIONS, FINANCE)
                        // operators and managers start and watch collection runs
                        .requestMatchers(path("/api/collection-runs"), path("/api/collection-runs/**"))
                        .hasAnyRole(ADMIN, MANAGERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/**"))
                        .hasAnyRole(ADMIN, INTEGRATIONS, COLLECTORS, MANAGERS, FINANCE)
                        .requestMatchers(path("/engine-rest/**")).authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic-auth clients send no browser cookies, so there is nothing to forge.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/**"), path("/login"), path("/error")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(withDefaults())
                .httpBasic(withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // The Camunda webapps run their own CSRF protection with the same cookie name.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")));
        return http.build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
