package io.recollect.invoicing;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    /** Creates a draft; with {@code ?issue=true} issues it in the same call. */
    @PostMapping
    ResponseEntity<InvoiceView> create(@Valid @RequestBody NewInvoice request,
            @RequestParam(defaultValue = "false") boolean issue) {
        InvoiceView invoice = invoices.create(request);
        if (issue) {
            invoice = invoices.issue(invoice.id());
        }
        return ResponseEntity.created(URI.create("/api/invoices/" + invoice.id())).body(invoice);
    }

    @PostMapping("/{id}/issue")
    InvoiceView issue(@PathVariable UUID id) {
        return invoices.issue(id);
    }

    @GetMapping("/{id}")
    InvoiceView get(@PathVariable UUID id) {
        return invoices.get(id);
    }

    @GetMapping(params = "number")
    InvoiceView byNumber(@RequestParam String number) {
        return invoices.getByNumber(number);
    }
}
