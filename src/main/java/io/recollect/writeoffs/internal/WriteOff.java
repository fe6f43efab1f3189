package io.recollect.writeoffs.internal;

import io.recollect.rules.WriteOffRoute;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.Money;
import io.recollect.writeoffs.WriteOffReason;
import io.recollect.writeoffs.WriteOffStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A write-off request and what became of it. The invoices and amounts are fixed when it is
 * requested; posting writes off at most those. {@code openCustomerId} is set only until it is
 * posted or rejected: its unique key keeps one write-off under way per customer.
 */
@Entity
@Table(name = "write_offs")
public class WriteOff {

    public static final String OPEN_KEY = "uk_write_offs_open_customer";

    @Id
    private UUID id;
    private UUID customerId;
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private WriteOffReason reason;
    @Enumerated(EnumType.STRING)
    private WriteOffStatus status;
    @Column(name = "currency")
    private String currencyCode;
    private BigDecimal requestedAmount;
    private BigDecimal postedAmount;
    private String note;
    private String requestedBy;
    private Instant requestedAt;
    private String approval;
    private String candidateGroup;
    private Integer taskPriority;
    private Instant approvalDueAt;
    private String noticeTemplate;
    private String ruleVersion;
    private Integer ruleRow;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private UUID openCustomerId;
    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "write_off_id", nullable = false)
    private List<WriteOffLine> lines = new ArrayList<>();

    protected WriteOff() {
    }

    public WriteOff(UUID customerId, UUID caseId, WriteOffReason reason, Currency currency, String note,
            String requestedBy, Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.caseId = caseId;
        this.reason = reason;
        this.currencyCode = currency.getCurrencyCode();
        this.requestedAmount = BigDecimal.ZERO;
        this.note = note;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = WriteOffStatus.REQUESTED;
        this.openCustomerId = customerId;
    }

    public void add(UUID invoiceId, String invoiceNumber, Money amount) {
        if (lines.stream().anyMatch(l -> l.getInvoiceId().equals(invoiceId))) {
            throw new BusinessRuleException("invoice-named-twice", "Invoice " + invoiceNumber
                    + " is named twice in the write-off request");
        }
        lines.add(new WriteOffLine(invoiceId, invoiceNumber, amount));
        requestedAmount = requestedAmount.add(amount.amount());
    }

    public void routed(WriteOffRoute route, Instant dueAt) {
        this.approval = route.approval().name();
        this.candidateGroup = route.candidateGroup();
        this.taskPriority = route.priority();
        this.approvalDueAt = dueAt;
        this.noticeTemplate = route.noticeTemplate();
        this.ruleVersion = route.citation().version();
        this.ruleRow = route.citation().row();
        if (route.automatic()) {
            approve(Actors.SYSTEM, "Approved by the write-off-approval table", requestedAt);
        }
    }

    public void approve(String approver, String note, Instant at) {
        requireStatus(WriteOffStatus.REQUESTED, "approve");
        decided(WriteOffStatus.APPROVED, approver, note, at);
    }

    public void reject(String decider, String note, Instant at) {
        requireStatus(WriteOffStatus.REQUESTED, "reject");
        decided(WriteOffStatus.REJECTED, decider, note, at);
        this.openCustomerId = null;
    }

    private void decided(WriteOffStatus outcome, String decider, String note, Instant at) {
        this.status = outcome;
        this.decidedBy = decider;
        this.decisionNote = note;
        this.decidedAt = at;
    }

    /** Records what posting wrote off per line (at most what each line requested). */
    public void posted(List<Money> perLine) {
        requireStatus(WriteOffStatus.APPROVED, "post");
        Money total = Money.zero(getCurrency());
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).posted(perLine.get(i));
            total = total.plus(perLine.get(i));
        }
        this.postedAmount = total.amount();
        this.status = WriteOffStatus.POSTED;
        this.openCustomerId = null;
    }

    private void requireStatus(WriteOffStatus required, String action) {
        if (status != required) {
            throw new BusinessRuleException("write-off-not-" + required.name().toLowerCase(),
                    "Cannot " + action + " write-off " + id + ": it is " + status);
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public WriteOffReason getReason() {
        return reason;
    }

    public WriteOffStatus getStatus() {
        return status;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currencyCode);
    }

    public Money getRequested() {
        return Money.of(requestedAmount, getCurrency());
    }

    public Money getPosted() {
        return postedAmount == null ? null : Money.of(postedAmount, getCurrency());
    }

    public String getNote() {
        return note;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getApproval() {
        return approval;
    }

    public String getCandidateGroup() {
        return candidateGroup;
    }

    public int getTaskPriority() {
        return taskPriority == null ? 0 : taskPriority;
    }

    public Instant getApprovalDueAt() {
        return approvalDueAt;
    }

    public String getNoticeTemplate() {
        return noticeTemplate;
    }

    public String getRuleVersion() {
        return ruleVersion;
    }

    public Integer getRuleRow() {
        return ruleRow;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public List<WriteOffLine> getLines() {
        return List.copyOf(lines);
    }
}
