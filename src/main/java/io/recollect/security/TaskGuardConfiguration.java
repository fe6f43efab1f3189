package io.recollect.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link TaskRequestGuard} in front of both doors to Camunda's task endpoints. */
@Configuration(proxyBeanMethods = false)
class TaskGuardConfiguration {

    /**
     * After Spring Security (order -100), which says who the user is; before Camunda's own
     * authentication (101) and its REST resources, so a refused request never reaches the engine.
     */
    private static final int BEFORE_CAMUNDA = 0;

    @Bean
    FilterRegistrationBean<TaskRequestGuard> taskRequestGuard(TaskService tasks, FormService forms, ObjectMapper json,
            List<TaskCompletionCheck> checks) {
        var registration = new FilterRegistrationBean<>(new TaskRequestGuard(tasks, forms, json, checks));
        registration.setName("recollect-task-request-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(BEFORE_CAMUNDA);
        return registration;
    }
}
