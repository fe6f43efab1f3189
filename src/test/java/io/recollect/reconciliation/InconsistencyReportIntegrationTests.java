package io.recollect.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.payments.PaymentView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class InconsistencyReportIntegrationTests extends IntegrationTest {

    @BeforeEach
    void finance() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void findsAPlantedDuplicateAndOldUnappliedCashWithTheActionThatFixesThem() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "300.00", 3, time.today());
        // The same transfer arrives from the bank feed and from the billing system under two ids.
        PaymentView fromBank = fixtures.pay(customer, "120.00", time.today().minusDays(40));
        PaymentView fromBilling = fixtures.pay(customer, "120.00", time.today().minusDays(40));
        CustomerView overpaid = fixtures.customer();
        PaymentView credit = fixtures.pay(overpaid, "55.00", time.today().minusDays(45));

        JsonNode report = as("fiona").getForObject("/api/reconciliation/inconsistencies", JsonNode.class);

        List<JsonNode> found = StreamSupport.stream(report.spliterator(), false).toList();
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("DUPLICATE_PAYMENT");
            assertThat(item.get("paymentIds").toString()).contains(fromBank.id().toString(), fromBilling.id().toString());
            assertThat(item.get("action").asText()).contains("/reversal");
        });
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OLD_UNAPPLIED_CASH");
            assertThat(item.get("paymentIds").toString()).contains(credit.id().toString());
            assertThat(item.get("action").asText()).contains("/refunds");
        });
        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("OVERPAYMENT");
            assertThat(item.get("paymentIds").toString()).contains(credit.id().toString());
        });
        assertThat(found).noneSatisfy(item -> assertThat(item.get("kind").asText()).isEqualTo("OPEN_AMOUNT_MISMATCH"));
    }

    @Test
    void onlyFinanceReadsTheReport() {
        assertThat(as("collector").getForEntity("/api/reconciliation/inconsistencies", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
