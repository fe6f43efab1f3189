package io.recollect.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Unapplied credit is money the customer already paid: it pays their oldest open invoices
 * before anything is dunned, so a reminder never asks for more than they owe net.
 */
class CreditBeforeDunningIntegrationTests extends IntegrationTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;

    @Test
    void creditCoveringEverythingOverdueSendsNoReminder() {
        CustomerView customer = fixtures.customer();
        PaymentView credit = fixtures.pay(customer, "100.00", time.today());
        assertThat(credit.unapplied().amount()).isEqualByComparingTo("100.00");

        InvoiceView invoice = fixtures.overdueInvoice(customer, "80.00", 3, time.today());
        cases.settle();

        assertThat(Mailbox.dunning(mail, customer.email())).isEmpty();
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(payments.get(credit.id()).unapplied().amount()).isEqualByComparingTo("20.00");
    }

    @Test
    void reminderAsksOnlyForWhatIsOwedNetOfCredit() {
        CustomerView customer = fixtures.customer();
        fixtures.pay(customer, "50.00", time.today());
        fixtures.overdueInvoice(customer, "80.00", 3, time.today());
        cases.settle();

        assertThat(Mailbox.dunning(mail, customer.email())).singleElement().satisfies(reminder -> {
            assertThat(reminder.subject()).contains("EUR 30.00");
            assertThat(reminder.body()).contains("EUR 30.00").doesNotContain("EUR 80.00");
        });
        // The situation the table decided on says the same amount as the email.
        assertThat(cases.lastDecision(customer).inputs()).contains("30.00").doesNotContain("80.00");
    }

    @Test
    void creditPaysTheOldestDueInvoiceFirst() {
        CustomerView customer = fixtures.customer();
        fixtures.pay(customer, "60.00", time.today());
        InvoiceView older = fixtures.overdueInvoice(customer, "50.00", 20, time.today());
        InvoiceView newer = fixtures.overdueInvoice(customer, "40.00", 5, time.today());
        cases.settle();

        assertThat(invoices.get(older.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(newer.id()).openAmount().amount()).isEqualByComparingTo(new BigDecimal("30.00"));
    }
}
