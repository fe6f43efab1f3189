package io.recollect.plans;

import io.recollect.payments.PaymentRecorded;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A payment of a customer with a running plan: the plan looks at its instalments now, not at its next timer. */
@Component
class PlanPaymentListener {

    private final PlanService plans;
    private final RuntimeService runtime;

    PlanPaymentListener(PlanService plans, RuntimeService runtime) {
        this.plans = plans;
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(PaymentRecorded payment) {
        plans.openPlan(payment.customerId()).filter(plan -> plan.status() == PlanStatus.ACTIVE).ifPresent(plan ->
                runtime.createMessageCorrelation(HardshipPlanProcess.MESSAGE_PAYMENT_RECEIVED)
                        .processInstanceBusinessKey(plan.id().toString()).correlateAllWithResult());
    }
}
