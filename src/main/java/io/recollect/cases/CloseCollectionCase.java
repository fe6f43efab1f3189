package io.recollect.cases;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** collection-case: nothing is overdue any more; the case closes and a new one may open later. */
@Component("closeCollectionCase")
class CloseCollectionCase implements JavaDelegate {

    private final ProcessCase processCase;
    private final Clock clock;

    CloseCollectionCase(ProcessCase processCase, Clock clock) {
        this.processCase = processCase;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        processCase.of(execution).close(clock.instant());
    }
}
