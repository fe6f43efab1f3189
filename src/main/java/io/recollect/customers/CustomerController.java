package io.recollect.customers;

import io.recollect.shared.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping
    ResponseEntity<CustomerView> register(@Valid @RequestBody NewCustomer request) {
        CustomerView customer = customers.register(request);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id())).body(customer);
    }

    /** Hardship reported or cleared: the case re-evaluates at once. */
    @PutMapping("/{id}/hardship")
    CustomerView hardship(@PathVariable UUID id, @Valid @RequestBody HardshipRequest request) {
        return customers.setHardship(id, request.hardship(), request.note(), Actors.current());
    }

    record HardshipRequest(@NotNull Boolean hardship, @Size(max = 1000) String note) {
    }

    /** Which team of collectors works the account; {@code {"team": null}} for none. */
    @PutMapping("/{id}/team")
    CustomerView assignTeam(@PathVariable UUID id, @Valid @RequestBody TeamRequest request) {
        return customers.assignTeam(id, request.team());
    }

    record TeamRequest(@Size(max = 50) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
            message = "must be lower-case letters and digits, words joined by '-'") String team) {
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable UUID id) {
        return customers.get(id);
    }

    @GetMapping(params = "externalRef")
    CustomerView byExternalRef(@RequestParam String externalRef) {
        return customers.getByExternalRef(externalRef);
    }
}
