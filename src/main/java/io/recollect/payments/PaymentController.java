package io.recollect.payments;

import jakarta.validation.Valid;
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

    PaymentController(PaymentService payments) {
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
}
