package io.recollect.cases;

import io.recollect.shared.Actors;
import io.recollect.shared.BusinessDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What collectors and integrations tell collections: promises, disputes, pauses. Each wakes the case. */
@RestController
class CollectionController {

    private final PromiseService promises;
    private final DisputeService disputes;
    private final DunningPauseService pauses;

    private final io.recollect.invoicing.InvoiceService invoices;

    CollectionController(PromiseService promises, DisputeService disputes, DunningPauseService pauses,
            io.recollect.invoicing.InvoiceService invoices) {
        this.invoices = invoices;
        this.promises = promises;
        this.disputes = disputes;
        this.pauses = pauses;
    }

    record PromiseRequest(@NotNull @BusinessDate LocalDate promisedDate,
            @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }

    record DisputeRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record PauseRequest(@NotBlank @Size(max = 1000) String reason, @NotNull @BusinessDate LocalDate until) {
    }

    @PostMapping("/api/customers/{customerId}/promises")
    ResponseEntity<Map<String, UUID>> promise(@PathVariable UUID customerId, @Valid @RequestBody PromiseRequest request) {
        UUID id = promises.record(customerId, request.promisedDate(), request.amount(), Actors.current());
        return ResponseEntity.created(URI.create("/api/customers/" + customerId + "/timeline")).body(Map.of("id", id));
    }

    /** The invoice by its number, its id, or both (then they must agree). */
    record NamedDisputeRequest(UUID invoiceId, @Size(max = 50) String invoiceNumber,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/disputes")
    ResponseEntity<DisputeView> dispute(@Valid @RequestBody NamedDisputeRequest request) {
        return dispute(invoices.identify(request.invoiceId(), request.invoiceNumber()).id(),
                new DisputeRequest(request.reason()));
    }

    @PostMapping("/api/invoices/{invoiceId}/disputes")
    ResponseEntity<DisputeView> dispute(@PathVariable UUID invoiceId, @Valid @RequestBody DisputeRequest request) {
        DisputeView dispute = disputes.raise(invoiceId, request.reason(), Actors.current());
        return ResponseEntity.created(URI.create("/api/customers/" + dispute.customerId() + "/timeline")).body(dispute);
    }

    @PutMapping("/api/customers/{customerId}/dunning-pause")
    ResponseEntity<Void> pauseCustomer(@PathVariable UUID customerId, @Valid @RequestBody PauseRequest request) {
        pauses.pauseCustomer(customerId, request.reason(), request.until(), Actors.current());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/customers/{customerId}/dunning-pause")
    ResponseEntity<Void> resumeCustomer(@PathVariable UUID customerId) {
        pauses.resumeCustomer(customerId, Actors.current());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/invoices/{invoiceId}/dunning-pause")
    ResponseEntity<Void> pauseInvoice(@PathVariable UUID invoiceId, @Valid @RequestBody PauseRequest request) {
        pauses.pauseInvoice(invoiceId, request.reason(), request.until(), Actors.current());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/invoices/{invoiceId}/dunning-pause")
    ResponseEntity<Void> resumeInvoice(@PathVariable UUID invoiceId) {
        pauses.resumeInvoice(invoiceId, Actors.current());
        return ResponseEntity.noContent().build();
    }
}
