package io.recollect.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentService payments;
    private final io.recollect.invoicing.InvoiceService invoices;

    PaymentController(PaymentService payments, io.recollect.invoicing.InvoiceService invoices) {
        this.invoices = invoices;
        this.payments = payments;
    }

    /** 201 for a new payment, 200 with the same payment when the external id was seen before. */
    @PostMapping
    ResponseEntity<PaymentView> record(@Valid @RequestBody NewPayment request) {
        PaymentService.Recorded recorded = payments.record(request);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/payments/" + recorded.payment().id()))
                .body(recorded.payment());
    }

    @GetMapping("/{id}")
    PaymentView get(@PathVariable UUID id) {
        return payments.get(id);
    }

    record ReversalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The payment bounced or was charged back; a second reversal is a 409. */
    @PostMapping("/{id}/reversal")
    PaymentView reverse(@PathVariable UUID id, @Valid @RequestBody ReversalRequest request) {
        return payments.reverse(id, request.reason());
    }

    record RefundRequest(@NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/refunds")
    ResponseEntity<PaymentView> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.refund(id, request.amount(), request.reason()));
    }

    /** The invoice by its number, its id, or both (then they must agree). */
    record AllocationRequest(UUID invoiceId, @Size(max = 50) String invoiceNumber,
            @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }

    /** Applies the payment's unapplied credit to the named open invoice. */
    @PostMapping("/{id}/allocations")
    ResponseEntity<PaymentView> allocate(@PathVariable UUID id, @Valid @RequestBody AllocationRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(payments.reallocate(id, invoices.identify(request.invoiceId(), request.invoiceNumber()).number(),
                        request.amount()));
    }
}
