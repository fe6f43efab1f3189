package io.recollect.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of every async step and timer in processes/*.bpmn, which name it as
 * {@code ${jobRetry.cycle}}: a failed job waits each interval in turn (one attempt more than
 * intervals), then shows as an incident in Cockpit. Camunda evaluates it when a job fails.
 */
@Component("jobRetry")
public class JobRetryCycle {

    private final String cycle;

    JobRetryCycle(@Value("${recollect.jobs.retry-cycle}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
