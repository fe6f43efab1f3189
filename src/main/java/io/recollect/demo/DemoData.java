package io.recollect.demo;

import io.recollect.cases.DisputeService;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.NewInvoice;
import io.recollect.payments.NewPayment;
import io.recollect.payments.PaymentService;
import io.recollect.security.IdentitySetup;
import io.recollect.security.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The zero-setup run's demo: four users with documented passwords, and a small portfolio with
 * back-dated invoices so reminders, a collector's task and a closed case appear within a minute.
 * Never on in the postgres profile unless asked for.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "recollect.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentitySetup identity;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final DisputeService disputes;
    private final Clock clock;

    DemoData(IdentitySetup identity, CustomerService customers, InvoiceService invoices, PaymentService payments,
            DisputeService disputes, Clock clock) {
        this.disputes = disputes;
        this.identity = identity;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.ensureUser("admin", "admin", "Ada", "Admin", "admin@recollect.example", List.of(Roles.ADMIN));
        identity.ensureUser("collector", "collector", "Cole", "Collector", "collector@recollect.example",
                List.of(Roles.COLLECTORS));
        identity.ensureUser("manager", "manager", "Mona", "Manager", "manager@recollect.example",
                List.of(Roles.MANAGERS, Roles.COLLECTORS));
        // A second manager, so a rule-table version one uploads the other can activate (four-eyes).
        identity.ensureUser("manager2", "manager2", "Max", "Manager", "manager2@recollect.example",
                List.of(Roles.MANAGERS, Roles.COLLECTORS));
        identity.ensureUser("auditor", "auditor", "Audrey", "Auditor", "auditor@recollect.example",
                List.of(Roles.AUDITORS));
        if (customers.any()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // 20 days overdue, small: first friendly reminder.
        issue(customer("DEMO-ANNA", "Anna Berg", Segment.CONSUMER), "DEMO-1001", today.minusDays(50), today.minusDays(20), "89.90");
        // Large and 10 days overdue: first reminder with a shorter wait.
        issue(customer("DEMO-BRUNEL", "Brunel Engineering Ltd", Segment.ENTERPRISE), "DEMO-1002",
                today.minusDays(40), today.minusDays(10), "12500.00");
        // Found 75 days overdue with no reminder sent: a collector calls first (a task in Tasklist).
        CustomerView curie = customer("DEMO-CURIE", "Marie Curie", Segment.PATIENT);
        issue(curie, "DEMO-1003", today.minusDays(105), today.minusDays(75), "380.00");
        // Over 120 days: the agency letter, and a hand-over task for managers.
        issue(customer("DEMO-FERMI", "Enrico Fermi", Segment.CONSUMER), "DEMO-1006", today.minusDays(160),
                today.minusDays(130), "910.00");
        // A disputed invoice: no reminder for it, a resolution task for managers.
        CustomerView gauss = customer("DEMO-GAUSS", "Gauss Surveying", Segment.SMALL_BUSINESS);
        InvoiceView disputed = issue(gauss, "DEMO-1007", today.minusDays(42), today.minusDays(12), "410.00");
        disputes.raise(disputed.id(), "Invoice lists a site survey that never took place", "admin");
        // Not yet due: only the invoice email.
        issue(customer("DEMO-DARWIN", "Darwin & Sons", Segment.SMALL_BUSINESS), "DEMO-1004",
                today.minusDays(5), today.plusDays(25), "1450.00");
        // Overdue and partly paid.
        CustomerView euler = customer("DEMO-EULER", "Euler Partners", Segment.SMALL_BUSINESS);
        issue(euler, "DEMO-1005", today.minusDays(45), today.minusDays(15), "2400.00");
        payments.record(new NewPayment("DEMO-PAY-1", euler.id(), new BigDecimal("900.00"), "EUR", today.minusDays(3),
                "BANK_TRANSFER", "DEMO-1005 part", null));
        log.info("Demo portfolio created: 7 customers, 7 invoices");
    }

    private CustomerView customer(String ref, String name, Segment segment) {
        String email = ref.toLowerCase().replace("demo-", "") + "@customer.example";
        // 555-01xx numbers are reserved for fiction: nobody is called by mistake
        String phone = String.format("+1 202 555 01%02d", Math.floorMod(ref.hashCode(), 100));
        return customers.register(new NewCustomer(ref, name, email, "en", segment, RiskBand.B, "EUR", phone));
    }

    private InvoiceView issue(CustomerView customer, String number, LocalDate issued, LocalDate due, String amount) {
        InvoiceView draft = invoices.create(new NewInvoice(number, customer.id(), "EUR", issued, due, List.of(
                new NewInvoice.Line(null, "Services as agreed", BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO))));
        return invoices.issue(draft.id());
    }
}
