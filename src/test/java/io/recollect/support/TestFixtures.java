package io.recollect.support;

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
import io.recollect.payments.PaymentView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Builds customers, invoices and payments through the modules' public services, with unique keys. */
@TestComponent
public class TestFixtures {

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final PaymentService payments;

    TestFixtures(CustomerService customers, InvoiceService invoices, PaymentService payments) {
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A small business in risk band B: the default collection ladder with 10-day steps. */
    public CustomerView customer() {
        return customer(Segment.SMALL_BUSINESS, RiskBand.B);
    }

    public CustomerView customer(Segment segment, RiskBand riskBand) {
        String ref = unique("CUST");
        return customers.register(new NewCustomer(ref, "Grace Hopper", ref.toLowerCase() + "@customer.example",
                "en", segment, riskBand, "EUR"));
    }

    /** An issued invoice that fell due the given number of days ago. */
    public InvoiceView overdueInvoice(CustomerView customer, String amount, int daysPastDue, LocalDate today) {
        return issuedInvoice(customer, amount, today.minusDays(daysPastDue + 30), today.minusDays(daysPastDue));
    }

    public InvoiceView issuedInvoice(CustomerView customer, String amount, LocalDate issued, LocalDate due) {
        InvoiceView draft = invoices.create(new NewInvoice(unique("INV"), customer.id(), "EUR", issued, due,
                List.of(new NewInvoice.Line(null, "Consulting", BigDecimal.ONE, new BigDecimal(amount), BigDecimal.ZERO))));
        return invoices.issue(draft.id());
    }

    public PaymentView pay(CustomerView customer, String amount, LocalDate received) {
        return payments.record(new NewPayment(unique("PAY"), customer.id(), new BigDecimal(amount), "EUR", received,
                "BANK_TRANSFER", null, null)).payment();
    }
}
