package io.recollect.plans;

import io.recollect.rules.HardshipPolicyResult;
import io.recollect.rules.PlanPolicyDecision;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hardship payment plan: negotiated, checked by the hardship-policy table, approved when
 * needed, then watched instalment by instalment until completed or broken. Guards its own
 * transitions; {@code openCustomerId} is set only while open, so a customer has one at a time.
 */
@Entity
@Table(name = "payment_plans")
class PaymentPlan {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    @Column(name = "currency")
    private String currencyCode;
    private UUID openCustomerId;
    private String source;
    private String startedBy;
    private String negotiatedBy;
    private String approvedBy;
    private BigDecimal balance;
    private BigDecimal downPayment;
    @Enumerated(EnumType.STRING)
    private PlanFrequency frequency;
    private Integer instalmentCount;
    private LocalDate firstDueDate;
    private BigDecimal monthlyIncome;
    private String policyDecision;
    private String policyReason;
    private String policyVersion;
    private Integer policyRow;
    private int graceDays;
    private int breakAfterMisses;
    private int missedCount;
    private Instant createdAt;
    private Instant agreedAt;
    private Instant endedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_invoices", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "invoice_id")
    @Column(name = "open_at_start")
    private Map<UUID, BigDecimal> invoices = new HashMap<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "plan_id", insertable = false, updatable = false)
    @OrderBy("seq")
    private List<PlanInstalment> instalments = new ArrayList<>();

    protected PaymentPlan() {
    }

    PaymentPlan(UUID customerId, UUID caseId, Currency currency, String source, String startedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.caseId = caseId;
        this.currencyCode = currency.getCurrencyCode();
        this.status = PlanStatus.NEGOTIATING;
        this.openCustomerId = customerId;
        this.source = source;
        this.startedBy = startedBy;
        this.createdAt = now;
    }

    /** The collector's terms; the invoices it pays off and what each owed at this moment. */
    void propose(PlanTerms terms, PlanSchedule schedule, Map<UUID, Money> invoicesOpen, String negotiator) {
        require(PlanStatus.NEGOTIATING, "take a proposal");
        this.negotiatedBy = negotiator;
        this.balance = schedule.balance().amount();
        this.downPayment = schedule.downPayment().amount();
        this.frequency = terms.frequency();
        this.instalmentCount = terms.instalments();
        this.firstDueDate = terms.firstDueDate();
        this.monthlyIncome = terms.monthlyIncome();
        invoices.clear();
        invoicesOpen.forEach((invoice, open) -> invoices.put(invoice, open.amount()));
        instalments.clear();
        schedule.instalments().forEach(i -> instalments.add(new PlanInstalment(id, i.seq(), i.dueDate(), i.amount().amount())));
    }

    /** The hardship-policy table's answer: refused ends the plan here, the others say what comes next. */
    void checked(HardshipPolicyResult result, Instant now) {
        require(PlanStatus.NEGOTIATING, "be checked against the policy");
        policyDecision = result.decision().name();
        policyReason = result.reason();
        policyVersion = result.citation().version();
        policyRow = result.citation().row();
        graceDays = result.graceDays();
        breakAfterMisses = result.breakAfterMisses();
        switch (result.decision()) {
            case REFUSE -> end(PlanStatus.REFUSED, now);
            case MANAGER -> status = PlanStatus.AWAITING_APPROVAL;
            case APPROVE -> { }
        }
    }

    /** A manager's decision on an out-of-policy plan. */
    void decided(boolean approve, String manager, Instant now) {
        require(PlanStatus.AWAITING_APPROVAL, "be approved");
        if (approve) {
            approvedBy = manager;
        } else {
            end(PlanStatus.REJECTED, now);
        }
    }

    /** The plan runs from now: agreed within policy, or approved by a manager. */
    void activate(Instant now) {
        boolean mayStart = status == PlanStatus.NEGOTIATING && PlanPolicyDecision.APPROVE.name().equals(policyDecision)
                || status == PlanStatus.AWAITING_APPROVAL && approvedBy != null;
        if (status == PlanStatus.ACTIVE) {
            return;
        }
        if (!mayStart) {
            throw new BusinessRuleException("plan-not-approved", "Plan " + id + " is " + status + " and not approved");
        }
        status = PlanStatus.ACTIVE;
        agreedAt = now;
    }

    /** An instalment's grace passed unpaid. */
    void missed() {
        missedCount++;
    }

    void complete(Instant now) {
        require(PlanStatus.ACTIVE, "complete");
        end(PlanStatus.COMPLETED, now);
    }

    void breakOff(Instant now) {
        require(PlanStatus.ACTIVE, "break");
        end(PlanStatus.BROKEN, now);
    }

    private void end(PlanStatus ended, Instant now) {
        status = ended;
        openCustomerId = null;
        endedAt = now;
    }

    private void require(PlanStatus expected, String what) {
        if (status != expected) {
            throw new BusinessRuleException("plan-" + status.name().toLowerCase().replace('_', '-'),
                    "This plan is " + status.name().toLowerCase().replace('_', ' ') + " and cannot " + what + " now");
        }
    }

    Currency currency() {
        return Currency.getInstance(currencyCode);
    }

    UUID getId() {
        return id;
    }

    UUID getCustomerId() {
        return customerId;
    }

    UUID getCaseId() {
        return caseId;
    }

    PlanStatus getStatus() {
        return status;
    }

    String getSource() {
        return source;
    }

    String getStartedBy() {
        return startedBy;
    }

    String getNegotiatedBy() {
        return negotiatedBy;
    }

    String getApprovedBy() {
        return approvedBy;
    }

    BigDecimal getBalance() {
        return balance;
    }

    PlanFrequency getFrequency() {
        return frequency;
    }

    BigDecimal getMonthlyIncome() {
        return monthlyIncome;
    }

    String getPolicyDecision() {
        return policyDecision;
    }

    String getPolicyReason() {
        return policyReason;
    }

    Integer getPolicyRow() {
        return policyRow;
    }

    int getGraceDays() {
        return graceDays;
    }

    int getBreakAfterMisses() {
        return breakAfterMisses;
    }

    int getMissedCount() {
        return missedCount;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getAgreedAt() {
        return agreedAt;
    }

    Instant getEndedAt() {
        return endedAt;
    }

    Map<UUID, BigDecimal> getInvoices() {
        return Map.copyOf(invoices);
    }

    List<PlanInstalment> getInstalments() {
        return instalments;
    }
}
