package io.recollect.plans;

import io.recollect.shared.Actors;
import io.recollect.shared.BusinessDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Start a hardship plan for a customer, preview a proposal's schedule, list the customer's plans. */
@RestController
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    record TermsRequest(@PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal downPayment,
            @NotNull @Min(1) @Max(PlanSchedule.MAX_INSTALMENTS) Integer instalments, @NotNull PlanFrequency frequency,
            @NotNull @BusinessDate LocalDate firstDueDate,
            @Positive @Digits(integer = 15, fraction = 4) BigDecimal monthlyIncome) {

        PlanTerms terms() {
            return new PlanTerms(downPayment, instalments, frequency, firstDueDate, monthlyIncome);
        }
    }

    /** Starts negotiating (a collector's task), or answers the plan the customer already has (200). */
    @PostMapping("/api/customers/{customerId}/payment-plans")
    ResponseEntity<PlanView> start(@PathVariable UUID customerId) {
        boolean existed = plans.openPlan(customerId).isPresent();
        PlanView plan = plans.offer(customerId, null, "API", Actors.current());
        return existed ? ResponseEntity.ok(plan)
                : ResponseEntity.created(URI.create("/api/customers/" + customerId + "/payment-plans")).body(plan);
    }

    /** The schedule the terms would make today, to the cent, and what the hardship policy would say. */
    @PostMapping("/api/customers/{customerId}/payment-plans/preview")
    PlanPreview preview(@PathVariable UUID customerId, @Valid @RequestBody TermsRequest request) {
        return plans.preview(customerId, request.terms());
    }

    @GetMapping("/api/customers/{customerId}/payment-plans")
    List<PlanView> list(@PathVariable UUID customerId) {
        return plans.forCustomer(customerId);
    }
}
