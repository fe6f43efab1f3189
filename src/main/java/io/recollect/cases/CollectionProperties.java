package io.recollect.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.Currency;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operating settings of collections that are not policy (policy lives in the decision table).
 *
 * @param contactTaskSla how long the assignee group has for a task the table creates
 * @param disputeTaskSla how long managers have to resolve a dispute
 * @param promiseGrace days after the promised date before a promise counts as broken
 * @param maxPromiseHorizon how far ahead a promise may reach
 * @param maxPauseHorizon how far ahead dunning may be paused
 * @param wrongContactPause how long dunning pauses when a collector finds the contact details wrong
 * @param overdueTaskPriorityStep how much a task past its SLA is raised (capped at 100)
 * @param overdueTaskGroup who else is offered a task past its SLA
 * @param pauseWithoutApproval the longest pause a collector may set; a longer one takes a collection manager
 */
@ConfigurationProperties("recollect.collection")
record CollectionProperties(Duration contactTaskSla, Duration disputeTaskSla, Period promiseGrace,
        Period maxPromiseHorizon, Period maxPauseHorizon, Period wrongContactPause,
        @DefaultValue("20") int overdueTaskPriorityStep, @DefaultValue("collection-managers") String overdueTaskGroup,
        @DefaultValue("P14D") Period pauseWithoutApproval) {
}
