package io.recollect.cases;

import static io.recollect.cases.DisputeProcess.*;

import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** dispute: applies the manager's resolution (credit note, or uphold and resume dunning). */
@Component("applyDisputeResolution")
class ApplyDisputeResolution implements JavaDelegate {

    private final DisputeService disputes;

    ApplyDisputeResolution(DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String resolution = FormValues.requiredText(execution, VAR_RESOLUTION, "The resolution");
        BigDecimal credit = "CREDIT".equals(resolution)
                ? FormValues.requiredAmount(execution, VAR_CREDIT_AMOUNT, "The credit amount") : null;
        disputes.resolve(UUID.fromString(execution.getProcessBusinessKey()), resolution, credit,
                FormValues.requiredText(execution, VAR_RESOLUTION_NOTE, "The reasoning"),
                ProcessActors.of(execution.getProcessEngineServices().getIdentityService()));
    }
}
