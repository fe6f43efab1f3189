package io.recollect.cases;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of processes/collection-run.bpmn, each a one-line call into the run: plan the
 * batches, decide one batch, decide what is left, plan case work and emails, carry out the case work
 * beside sending the emails, send what is left, finish.
 * The run's identity is its business key.
 */
@Configuration(proxyBeanMethods = false)
class CollectionRunSteps {

    @Bean
    JavaDelegate planCollectionRun(CollectionRunService runs) {
        return execution -> execution.setVariable(CollectionRunProcess.VAR_BATCHES, runs.plan(runId(execution)));
    }

    @Bean
    JavaDelegate decideRunBatch(CollectionRunService runs) {
        return execution -> runs.decideBatch(runId(execution));
    }

    @Bean
    JavaDelegate decideRunRemainder(CollectionRunService runs) {
        return execution -> runs.decideRemaining(runId(execution));
    }

    @Bean
    JavaDelegate planRunCaseWork(CollectionRunService runs) {
        return execution -> {
            execution.setVariable(CollectionRunProcess.VAR_WORK_BATCHES, runs.planCaseWork());
            execution.setVariable(CollectionRunProcess.VAR_EMAIL_BATCHES, runs.planEmails());
        };
    }

    @Bean
    JavaDelegate dispatchRunCaseWorkBatch(CollectionRunService runs) {
        return execution -> runs.dispatchCaseWorkBatch(runId(execution));
    }

    @Bean
    JavaDelegate dispatchRunCaseWork(CollectionRunService runs) {
        return execution -> runs.dispatchCaseWork(runId(execution));
    }

    @Bean
    JavaDelegate sendRunEmailBatch(CollectionRunService runs) {
        return execution -> runs.sendEmailBatch(runId(execution));
    }

    @Bean
    JavaDelegate sendRunEmails(CollectionRunService runs) {
        return execution -> runs.sendEmails(runId(execution));
    }

    @Bean
    JavaDelegate finishCollectionRun(CollectionRunService runs) {
        return execution -> runs.finish(runId(execution));
    }

    private static UUID runId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }
}
