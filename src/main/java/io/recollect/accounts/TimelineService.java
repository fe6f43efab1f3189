package io.recollect.accounts;

import io.recollect.cases.AccountRecords;
import io.recollect.cases.CaseView;
import io.recollect.cases.CollectionCaseService;
import io.recollect.customers.CustomerService;
import io.recollect.dunning.Channel;
import io.recollect.dunning.CommunicationContent;
import io.recollect.dunning.CommunicationService;
import io.recollect.dunning.CommunicationView;
import io.recollect.payments.PaymentService;
import io.recollect.plans.PlanService;
import io.recollect.plans.PlanView;
import io.recollect.rules.CollectionPathDecisions;
import io.recollect.rules.DecisionRecordView;
import io.recollect.rules.RuleRowConditions;
import java.util.ArrayList;
import java.util.Comparator;
import io.recollect.writeoffs.WriteOffService;
import io.recollect.writeoffs.WriteOffStatus;
import io.recollect.writeoffs.WriteOffView;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "why did this customer get this letter today?": every decision (with table version
 * and row), email, task, outcome and payment of an account, in order.
 */
@Service
public class TimelineService {

    private final CustomerService customers;
    private final CollectionCaseService cases;
    private final CollectionPathDecisions decisions;
    private final CommunicationService communications;
    private final PaymentService payments;
    private final HistoryService history;
    private final PlanService plans;
    private final WriteOffService writeOffs;
    private final AccountRecords records;
    private final RuleRowConditions rowConditions;

    TimelineService(CustomerService customers, CollectionCaseService cases, CollectionPathDecisions decisions,
            CommunicationService communications, PaymentService payments, HistoryService history, PlanService plans,
            WriteOffService writeOffs, AccountRecords records, RuleRowConditions rowConditions) {
        this.rowConditions = rowConditions;
        this.plans = plans;
        this.writeOffs = writeOffs;
        this.records = records;
        this.customers = customers;
        this.cases = cases;
        this.decisions = decisions;
        this.communications = communications;
        this.payments = payments;
        this.history = history;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> forCustomer(UUID customerId) {
        customers.get(customerId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (CaseView c : cases.history(customerId)) {
            entries.add(new TimelineEntry(c.openedAt(), "CASE_OPENED", "Collection case opened", "system", c.id()));
            if (c.closedAt() != null) {
                entries.add(new TimelineEntry(c.closedAt(), "CASE_CLOSED", "Nothing overdue: case closed", "system", c.id()));
            }
        }
        decisions.forCustomer(customerId).forEach(d -> entries.add(decision(d)));
        communications.forCustomer(customerId).forEach(c -> entries.add(communication(c)));
        cases.events(customerId).forEach(e -> entries.add(
                new TimelineEntry(e.at(), e.type().name(), e.detail(), e.actor(), e.caseId())));
        List<io.recollect.payments.PaymentView> paid = payments.history(customerId);
        paid.forEach(p -> entries.add(new TimelineEntry(p.recordedAt(), "PAYMENT",
                "Payment of " + p.amount().display() + " received " + p.receivedOn()
                        + (p.unapplied().isZero() ? "" : ", " + p.unapplied().display() + " unapplied"),
                p.recordedBy(), null)));
        paid.stream().filter(p -> p.reversal() != null).forEach(p -> entries.add(
                new TimelineEntry(p.reversal().at(), "PAYMENT_REVERSED", "Payment of " + p.amount().display()
                        + " received " + p.receivedOn() + " reversed: " + p.reversal().reason(), p.reversal().by(), null)));
        paid.forEach(p -> p.refunds().forEach(r -> entries.add(new TimelineEntry(r.at(),
                "CREDIT_REFUNDED", r.amount().display() + " of credit refunded: " + r.reason(), r.by(), null))));
        tasks(customerId).forEach(t -> addTask(entries, t));
        plans.forCustomer(customerId).forEach(p -> addPlan(entries, p));
        writeOffs.forCustomer(customerId).forEach(w -> addWriteOff(entries, w));
        writeOffs.recoveriesOf(customerId).forEach(r -> entries.add(new TimelineEntry(r.recordedAt(), "RECOVERY",
                "Recovered " + r.amount().display() + " on a written-off invoice", "system", null)));
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineService::causalRank));
        return entries;
    }

    private static void addPlan(List<TimelineEntry> entries, PlanView plan) {
        entries.add(new TimelineEntry(plan.createdAt(), "PLAN_OFFERED", "Payment plan offered (" + plan.source()
                + "): a collector negotiates it", "system", null));
        String terms = plan.balance() == null ? "" : plan.balance().display() + " in " + plan.instalments().size()
                + " payments" + (plan.frequency() == null ? "" : ", " + plan.frequency().name().toLowerCase());
        if (plan.agreedAt() != null) {
            entries.add(new TimelineEntry(plan.agreedAt(), "PLAN_ACTIVE", "Payment plan agreed: " + terms
                    + (plan.approvedBy() == null ? " (within policy)" : " (approved by " + plan.approvedBy() + ")"),
                    plan.negotiatedBy(), null));
        }
        if (plan.endedAt() != null) {
            String why = switch (plan.status()) {
                case REFUSED, REJECTED -> ": " + plan.policyReason();
                case BROKEN -> " after " + plan.missed() + " missed instalments; dunning resumes on what is open";
                default -> "";
            };
            entries.add(new TimelineEntry(plan.endedAt(), "PLAN_" + plan.status().name(), "Payment plan "
                    + plan.status().name().toLowerCase() + why, "system", null));
        }
    }

    /** At the same instant, what happened comes before the decision it caused, and that before its effects. */
    private static int causalRank(TimelineEntry entry) {
        return switch (entry.kind()) {
            case "DECISION" -> 1;
            case "EMAIL", "TASK_CREATED" -> 2;
            case "CASE_CLOSED" -> 3;
            default -> 0;
        };
    }

    private static void addWriteOff(List<TimelineEntry> entries, WriteOffView w) {
        entries.add(new TimelineEntry(w.requestedAt(), "WRITE_OFF_REQUESTED", "Write-off of " + w.requested().display()
                + " requested (" + w.reason() + "), approval " + w.approval() + " (" + w.citation().table() + " "
                + w.citation().version().substring(0, 12) + ", row " + w.citation().row() + ")", w.requestedBy(),
                w.caseId()));
        if (w.status() == WriteOffStatus.POSTED) {
            entries.add(new TimelineEntry(w.decidedAt(), "WRITE_OFF_POSTED", w.posted().display() + " written off ("
                    + w.reason() + "), approved by " + w.decidedBy(), w.decidedBy(), w.caseId()));
        } else if (w.status() == WriteOffStatus.REJECTED) {
            entries.add(new TimelineEntry(w.decidedAt(), "WRITE_OFF_REJECTED", "Write-off of " + w.requested().display()
                    + " rejected", w.decidedBy(), w.caseId()));
        }
    }

    /** The detail says what the cited row asked, in the version decided with, and what the table saw. */
    private TimelineEntry decision(DecisionRecordView d) {
        String level = d.dunningLevel() > 0 ? " level " + d.dunningLevel() : "";
        String when = rowConditions.of(d.citation().versionId(), d.citation().row())
                .map(conditions -> d.citation().rule() + " applies to " + conditions + ". ").orElse("");
        return new TimelineEntry(d.decidedAt(), "DECISION", d.action() + level + ": " + d.reason() + " ("
                + d.citation().table() + " " + d.citation().version().substring(0, 12) + ", " + d.citation().rule()
                + ")", "system", d.caseId(), d.id(), when + "The table saw: " + d.inputs());
    }

    private TimelineEntry communication(CommunicationView c) {
        if (c.channel() == Channel.PHONE) {
            String note = communications.content(c.id()).map(CommunicationContent::body).orElse("");
            return new TimelineEntry(c.createdAt(), "CALL_NOTE", "Call: " + c.subject()
                    + (note.isBlank() ? "" : ": " + note), c.author(), c.caseId());
        }
        String state = c.sentAt() != null ? "sent" : "queued";
        return new TimelineEntry(c.sentAt() != null ? c.sentAt() : c.createdAt(), "EMAIL",
                "Email " + state + ": " + c.subject(), "system", c.caseId(), c.id(), "to " + c.recipient());
    }

    /**
     * History level {@code activity} keeps no variables, so tasks are found by their process's
     * business key: the case's id, or the dispute's.
     */
    private List<HistoricTaskInstance> tasks(UUID customerId) {
        List<String> keys = records.processKeys(customerId);
        if (keys.isEmpty()) {
            return List.of();
        }
        return history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKeyIn(keys.toArray(String[]::new)).list();
    }

    private static void addTask(List<TimelineEntry> entries, HistoricTaskInstance task) {
        String name = "Task '" + task.getName() + "'";
        entries.add(new TimelineEntry(task.getStartTime().toInstant(), "TASK_CREATED", name + " opened for "
                + (task.getAssignee() != null && task.getEndTime() == null ? task.getAssignee() : "its group"),
                "system", null));
        if (task.getEndTime() != null) {
            String how = "completed".equals(task.getDeleteReason()) ? " completed" : " ended: " + task.getDeleteReason();
            entries.add(new TimelineEntry(task.getEndTime().toInstant(), "TASK_COMPLETED", name + how,
                    task.getAssignee() == null ? "unassigned" : task.getAssignee(), null));
        }
    }
}
