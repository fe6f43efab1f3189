package io.recollect.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One scheduled instalment; what was paid towards it is worked out from the plan's invoices. */
@Entity
@Table(name = "plan_instalments")
class PlanInstalment {

    @Id
    private UUID id;
    @Column(name = "plan_id")
    private UUID planId;
    private int seq;
    private LocalDate dueDate;
    private BigDecimal amount;
    private Instant remindedAt;
    private Instant missedAt;
    private Instant excusedAt;

    protected PlanInstalment() {
    }

    PlanInstalment(UUID planId, int seq, LocalDate dueDate, BigDecimal amount) {
        this.id = UUID.randomUUID();
        this.planId = planId;
        this.seq = seq;
        this.dueDate = dueDate;
        this.amount = amount;
    }

    /** True the first time only: one reminder per instalment. */
    boolean remind(Instant now) {
        if (remindedAt != null) {
            return false;
        }
        remindedAt = now;
        return true;
    }

    /** True the first time only: an instalment is missed once. */
    boolean miss(Instant now) {
        if (missedAt != null) {
            return false;
        }
        missedAt = now;
        return true;
    }

    /** Its grace ended during a dispute on the plan's invoices: it is never counted missed. */
    void excuse(Instant now) {
        if (missedAt == null && excusedAt == null) {
            excusedAt = now;
        }
    }

    boolean isExcused() {
        return excusedAt != null;
    }

    int getSeq() {
        return seq;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    BigDecimal getAmount() {
        return amount;
    }

    boolean isReminded() {
        return remindedAt != null;
    }

    boolean isMissed() {
        return missedAt != null;
    }
}
