package io.recollect.accounts;

import io.recollect.accounts.AccountSearch.AgingBucket;
import io.recollect.accounts.AccountSearch.CustomerQuery;
import io.recollect.accounts.AccountSearch.CustomerSummary;
import io.recollect.accounts.AccountSearch.InvoiceSummary;
import io.recollect.accounts.AccountSearch.Page;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.rules.CollectionAction;
import io.recollect.shared.InvalidFieldException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists and searches customers and invoices, a page at a time (the look-ups by one key stay where they were). */
@RestController
class AccountSearchController {

    private final AccountSearch search;

    AccountSearchController(AccountSearch search) {
        this.search = search;
    }

    /**
     * Customers matching every criterion given, most overdue first. {@code q} is part of the
     * name, or the start of the reference or email, or an invoice number exactly.
     */
    @GetMapping(path = "/api/customers", params = "!externalRef")
    Page<CustomerSummary> customers(@RequestParam(required = false) String q,
            @RequestParam(required = false) Segment segment, @RequestParam(required = false) AgingBucket agingBucket,
            @RequestParam(required = false) CollectionAction caseAction,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        checkPage(page, size);
        return search.customers(new CustomerQuery(text(q), segment, agingBucket, caseAction), page, size);
    }

    /** Invoices whose number starts with {@code number}, of one customer or status when given, latest due first. */
    @GetMapping(path = "/api/invoices", params = "!number")
    Page<InvoiceSummary> invoices(@RequestParam(name = "q", required = false) String number,
            @RequestParam(required = false) UUID customerId, @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        checkPage(page, size);
        return search.invoices(text(number), customerId, status, page, size);
    }

    static void checkPage(int page, int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > AccountSearch.MAX_PAGE_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + AccountSearch.MAX_PAGE_SIZE);
        }
    }

    private static String text(String q) {
        if (q != null && q.length() > 200) {
            throw new InvalidFieldException("q", "must be at most 200 characters");
        }
        return q == null || q.isBlank() ? null : q;
    }
}
