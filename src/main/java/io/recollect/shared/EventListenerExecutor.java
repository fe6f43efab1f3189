package io.recollect.shared;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run module event listeners ({@code @ApplicationModuleListener} is
 * {@code @Async}). Camunda's job executor is also a task executor, so Spring Boot makes no
 * default one and {@code @Async} fell back to a new thread per event: 428 listener threads started in
 * one 5,000-account benchmark run, and a burst of events would start as many threads as events.
 * This pool is bounded (see {@code spring.task.execution} in application.yml); events waiting
 * for a thread are also in the event publication registry, so none is lost on a restart.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecutor {

    /** The name {@code @Async} looks for when several executors exist. */
    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.build();
    }
}
