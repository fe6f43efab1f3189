package io.recollect.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user Spring Security authenticated to Camunda, so the engine's authorizations apply
 * to that user in the REST API and the webapps (single sign-on with the app's login).
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebFilters {

    /** After Spring Security's filter chain (order -100), before the Camunda resources. */
    private static final int AFTER_SPRING_SECURITY = 101;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** Before Camunda's CsrfPreventionFilter, which the webapp starter adds last. */
    @Bean
    FilterRegistrationBean<CamundaCsrfGuard> camundaCsrfGuard() {
        var registration = new FilterRegistrationBean<>(new CamundaCsrfGuard());
        registration.setName("recollect-camunda-csrf-guard");
        registration.addUrlPatterns("/camunda/api/*", "/camunda/app/*");
        registration.setOrder(AFTER_SPRING_SECURITY + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineErrorMasking> engineErrorMasking() {
        var registration = new FilterRegistrationBean<>(new EngineErrorMasking());
        registration.setName("recollect-engine-error-masking");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(AFTER_SPRING_SECURITY + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-authentication");
        registration.addUrlPatterns("/camunda/*");
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
