package io.recollect.accounts;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final AccountService accounts;
    private final TimelineService timeline;

    AccountController(AccountService accounts, TimelineService timeline) {
        this.accounts = accounts;
        this.timeline = timeline;
    }

    @GetMapping("/api/customers/{id}/account")
    AccountView account(@PathVariable UUID id) {
        return accounts.account(id);
    }

    /** Every decision, email, task, outcome and payment of the account, oldest first. */
    @GetMapping("/api/customers/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return timeline.forCustomer(id);
    }
}
