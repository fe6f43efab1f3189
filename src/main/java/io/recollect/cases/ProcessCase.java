package io.recollect.cases;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The case a collection-case process works on, read from the process's business key (the case
 * id, set when the case opened) and the case record. Never from the caseId or customerId
 * variables: whoever may work a task can write variables on its process.
 */
@Component
class ProcessCase {

    private final CollectionCases cases;

    ProcessCase(CollectionCases cases) {
        this.cases = cases;
    }

    CollectionCase of(DelegateExecution execution) {
        return byId(caseId(execution));
    }

    CollectionCase of(DelegateTask task) {
        return of(task.getExecution());
    }

    static UUID caseId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    CollectionCase byId(UUID caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("Case " + caseId + " does not exist"));
    }
}
