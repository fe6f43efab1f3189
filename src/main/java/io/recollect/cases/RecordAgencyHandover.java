package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** collection-case: the manager handed the account to the agency; the case is marked with its reference. */
@Component("recordAgencyHandover")
class RecordAgencyHandover implements TaskListener {

    private final ProcessCase processCase;
    private final CaseJournal journal;
    private final Clock clock;

    RecordAgencyHandover(ProcessCase processCase, CaseJournal journal, Clock clock) {
        this.processCase = processCase;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = FormValues.requiredText(task, VAR_AGENCY_REFERENCE, "The agency's reference");
        CollectionCase collectionCase = processCase.of(task);
        collectionCase.handOverToAgency(reference, clock.instant());
        journal.record(collectionCase.getCustomerId(), CaseEventType.AGENCY_HANDOVER, "Handed to the agency, reference "
                + reference + FormValues.asSuffix(FormValues.text(task, VAR_DECISION_NOTE)), ProcessActors.of(task));
    }
}
