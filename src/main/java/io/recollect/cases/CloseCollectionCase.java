package io.recollect.cases;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case: nothing is overdue any more; the case closes and a new one may open later. */
@Component("closeCollectionCase")
class CloseCollectionCase implements JavaDelegate {

    private final CollectionCases cases;
    private final Clock clock;

    CloseCollectionCase(CollectionCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString((String) execution.getVariable(CollectionCaseProcess.VAR_CASE_ID));
        cases.findById(caseId).orElseThrow(() -> new IllegalStateException("Case " + caseId + " does not exist"))
                .close(clock.instant());
    }
}
