package io.recollect.reconciliation;

import static io.recollect.reconciliation.BankStatementIntegrationTests.camt053;
import static io.recollect.reconciliation.BankStatementIntegrationTests.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finance's morning in a real browser: upload the camt.053, read what matched on its own, what
 * is suggested and what is left, and match the exception by typing the invoice it pays.
 */
class FinancePageBrowserTests extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    @BeforeEach
    void finance() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void financeUploadsAStatementSeesWhatMatchedAndMatchesAnExceptionByHand() throws Exception {
        CustomerView ada = customer("Ada Lovelace " + TestFixtures.unique("X"));
        CustomerView alan = customer("Alan Turing " + TestFixtures.unique("X"));
        CustomerView grace = customer("Grace Hopper " + TestFixtures.unique("X"));
        InvoiceView byReference = fixtures.overdueInvoice(ada, unusualAmount(), 5, time.today());
        String suggestedAmount = unusualAmount();
        InvoiceView bySuggestion = fixtures.overdueInvoice(alan, suggestedAmount, 5, time.today());
        InvoiceView byHand = fixtures.overdueInvoice(grace, "90000.00", 5, time.today());
        String id = TestFixtures.unique("B");
        String exceptionAmount = ThreadLocalRandom.current().nextInt(100, 999) + ".17";
        Path statement = Files.createTempFile("camt053-", ".xml");
        Files.writeString(statement, camt053("EUR",
                entry(id + "-1", byReference.total().amount().toPlainString(), "EUR", "CRDT", "Ada L.", null,
                        "<Strd><CdtrRefInf><Ref>" + byReference.paymentReference() + "</Ref></CdtrRefInf></Strd>"),
                entry(id + "-2", suggestedAmount, "EUR", "CRDT", alan.name(), null, "<Ustrd>thanks</Ustrd>"),
                entry(id + "-3", exceptionAmount, "EUR", "CRDT", "G. H. Holdings", null, "<Ustrd>march</Ustrd>")),
                StandardCharsets.UTF_8);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("fiona", PASSWORD);
            browser.go("/");
            browser.click(By.linkText("Finance"));
            browser.waitForText("Upload a bank statement");
            browser.type(By.id("statement-file"), statement.toString());
            browser.click(By.id("upload"));

            String result = browser.waitForText("Matched by reference");
            assertThat(browser.text(By.id("result-lines"))).isEqualTo("3");
            assertThat(browser.text(By.id("result-recorded"))).isEqualTo("1");
            assertThat(browser.text(By.id("result-suggested"))).isEqualTo("1");
            assertThat(browser.text(By.id("result-exceptions"))).isEqualTo("1");
            assertThat(result).contains("Bank lines waiting for a match", bySuggestion.number());
            assertThat(invoices.get(byReference.id()).status()).isEqualTo(InvoiceStatus.PAID);
            browser.screenshot("finance-statement-imported");

            String row = "tr[data-line='" + id + "-3'] ";
            browser.type(By.cssSelector(row + "input[name=invoiceNumber]"), byHand.number());
            browser.click(By.cssSelector(row + "button.match-button"));
            assertThat(browser.waitForText("is matched to invoice " + byHand.number())).doesNotContain(id + "-3 EXCEPTION");
            assertThat(browser.has(By.cssSelector(row))).isFalse();
        }
        InvoiceView paidByHand = invoices.get(byHand.id());
        assertThat(paidByHand.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(paidByHand.openAmount().amount())
                .isEqualByComparingTo(new BigDecimal("90000.00").subtract(new BigDecimal(exceptionAmount)));
    }

    private CustomerView customer(String name) {
        String ref = TestFixtures.unique("CUST");
        return customers.register(new NewCustomer(ref, name, ref.toLowerCase() + "@customer.example", "en",
                Segment.SMALL_BUSINESS, RiskBand.B, "EUR"));
    }

    private static String unusualAmount() {
        return ThreadLocalRandom.current().nextInt(10_000, 89_999) + "." + ThreadLocalRandom.current().nextInt(10, 99);
    }
}
