package io.recollect.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Business code reads time from this clock only, in the business zone, so tests can move it with the engine's. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(BusinessTime businessTime) {
        return Clock.system(businessTime.zone());
    }
}
