package io.recollect.cases;

import io.recollect.plans.PlanService;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * collection-case: the table offers a plan, so the customer's hardship-plan process starts (a
 * collector negotiates it there). A plan already being negotiated, approved or running is left
 * alone, so a repeated offer never opens a second task.
 */
@Component("offerHardshipPlan")
class OfferHardshipPlan implements JavaDelegate {

    private final ProcessCase processCase;
    private final PlanService plans;
    private final CaseJournal journal;

    OfferHardshipPlan(ProcessCase processCase, PlanService plans, CaseJournal journal) {
        this.processCase = processCase;
        this.plans = plans;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CollectionCase collectionCase = processCase.of(execution);
        if (collectionCase.getStatus() != CaseStatus.OPEN) {
            return;
        }
        boolean hadPlan = plans.openPlan(collectionCase.getCustomerId()).isPresent();
        try {
            plans.offer(collectionCase.getCustomerId(), collectionCase.getId(), "OFFER_PLAN", Actors.SYSTEM);
        } catch (BusinessRuleException nothingOverdue) {
            // Paid meanwhile: the run closes the case; there is nothing for a plan to pay off.
            return;
        }
        if (!hadPlan) {
            journal.record(collectionCase.getCustomerId(), CaseEventType.PLAN_DECISION,
                    "Payment plan offered: a collector negotiates it", Actors.SYSTEM);
        }
    }
}
