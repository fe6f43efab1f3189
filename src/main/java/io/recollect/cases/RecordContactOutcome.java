package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import io.recollect.customers.CustomerService;
import io.recollect.dunning.CommunicationService;
import io.recollect.plans.PlanService;
import io.recollect.writeoffs.WriteOffService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * collection-case: when a collector completes the contact task, what the customer said joins
 * the record and takes effect (a promise, a dispute, hardship, a pause for wrong details).
 * Invalid input fails the completion with a message, and nothing is written.
 */
@Component("recordContactOutcome")
class RecordContactOutcome implements TaskListener {

    private final CommunicationService communications;
    private final PromiseService promises;
    private final DisputeService disputes;
    private final DunningPauseService pauses;
    private final CustomerService customers;
    private final ProcessCase processCase;
    private final CollectionProperties properties;
    private final Clock clock;
    private final PlanService plans;
    private final WriteOffService writeOffs;
    private final PlanDisputes disputedInvoices;

    RecordContactOutcome(CommunicationService communications, PromiseService promises, DisputeService disputes,
            DunningPauseService pauses, CustomerService customers, ProcessCase processCase,
            CollectionProperties properties, Clock clock, PlanService plans, WriteOffService writeOffs, PlanDisputes disputedInvoices) {
        this.disputedInvoices = disputedInvoices;
        this.plans = plans;
        this.writeOffs = writeOffs;
        this.properties = properties;
        this.communications = communications;
        this.promises = promises;
        this.disputes = disputes;
        this.pauses = pauses;
        this.customers = customers;
        this.processCase = processCase;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ContactOutcome outcome = ContactOutcome.of(
                FormValues.requiredText(task, VAR_CONTACT_OUTCOME, "The outcome of the contact"));
        String note = FormValues.text(task, VAR_CONTACT_NOTE);
        String actor = ProcessActors.of(task);
        CollectionCase collectionCase = processCase.of(task);
        UUID customerId = collectionCase.getCustomerId();
        UUID caseId = collectionCase.getId();
        switch (outcome) {
            case PROMISE_TO_PAY -> promises.record(customerId,
                    FormValues.requiredDate(task, VAR_PROMISED_DATE, "The promised date"),
                    FormValues.requiredAmount(task, VAR_PROMISED_AMOUNT, "The promised amount"), actor);
            case DISPUTE -> disputes.raise(customerId,
                    FormValues.requiredText(task, VAR_DISPUTED_INVOICE, "The disputed invoice's number"),
                    FormValues.requiredText(task, VAR_DISPUTE_REASON, "What the customer disputes"), actor);
            case HARDSHIP -> {
                customers.setHardship(customerId, true, note, actor);
                // The collector is on the phone with the customer: the plan is negotiated now.
                plans.offer(customerId, caseId, "HARDSHIP", actor);
            }
            case WRONG_CONTACT_DETAILS -> pauses.pauseCustomerByPolicy(customerId, "Contact details are wrong",
                    LocalDate.now(clock).plus(properties.wrongContactPause()), actor);
            case NO_CONTACT -> { }
            // The collector asks; the write-off-approval table routes it, and someone else approves it.
            case WRITE_OFF_REQUESTED -> writeOffs.requestFromTask(customerId, caseId, disputedInvoices.of(customerId),
                    FormValues.requiredText(task, VAR_WRITE_OFF_REASON, "The reason for the write-off"), note, actor);
        }
        boolean changed = outcome != ContactOutcome.NO_CONTACT;
        if (changed) {
            // What the customer said is news the table must act on now, not after the last step's wait.
            collectionCase.clearSchedule();
        }
        communications.recordContactNote(customerId, caseId, task.getId(), outcome.name(), note, actor);
    }
}
