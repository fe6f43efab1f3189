package io.recollect.rules;

import static io.recollect.support.RuleTables.activate;
import static io.recollect.support.RuleTables.candidate;
import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.edited;
import static io.recollect.support.RuleTables.simulate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.payments.PaymentService;
import io.recollect.payments.PaymentView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.RuleTables;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * A simulation reads the portfolio without changing it, yet must see each account as the run
 * will: net of the credit the run applies first. What it says a version would decide is what the
 * run decides once that version is active.
 */
class SimulationMatchesRunIntegrationTests extends IntegrationTest {

    /** R13 "found 60 days overdue before any reminder: a collector calls" only from 50.00 owed. */
    private static final byte[] R13_FROM_50 = edited(rules -> cell(rules, "R13", "Overdue amount: at least")
            .setCellValue(50));

    @Autowired
    PaymentService payments;

    @BeforeEach
    void secondManager() {
        ensureSecondManager();
        RuleTables.restoreShipped(as("manager2"));
    }

    @AfterEach
    void shippedTableAgain() {
        RuleTables.restoreShipped(as("manager2"));
    }

    @Test
    void theSimulatedDecisionOfAnAccountWithCreditIsTheOneTheRunTakes() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        // paid before anything was invoiced: 50.00 of credit the run applies before it duns
        PaymentView credit = fixtures.pay(customer, "50.00", time.today());
        fixtures.overdueInvoice(customer, "80.00", 70, time.today());
        UUID edited = candidate(as("manager"), R13_FROM_50, "Call only from 50.00 owed");

        // Net of credit the account owes 30.00: the candidate reminds it instead of calling.
        JsonNode change = changeOf(simulate(as("manager"), edited), customer.id());
        assertThat(change).as("the account's change in the simulation").isNotNull();
        assertThat(change.path("oldAction").asText()).isEqualTo("ESCALATE");
        assertThat(change.path("oldRule").asText()).isEqualTo("R13 (row 30)");
        assertThat(change.path("newAction").asText()).isEqualTo("REMIND");
        assertThat(change.path("newRule").asText()).isEqualTo("R18 (row 35)");
        // The simulation applied nothing.
        assertThat(payments.get(credit.id()).unapplied().amount()).isEqualByComparingTo("50.00");

        assertThat(activate(as("manager2"), edited, "reviewed").getStatusCode()).isEqualTo(HttpStatus.OK);
        cases.settle();

        DecisionRecordView decided = cases.lastDecision(customer);
        assertThat(decided.action().name()).isEqualTo(change.path("newAction").asText());
        assertThat(decided.citation().rule()).isEqualTo(change.path("newRule").asText());
        assertThat(decided.citation().versionId()).isEqualTo(edited);
        assertThat(decided.inputs()).contains("30.00").doesNotContain("80.00");
        assertThat(payments.get(credit.id()).unapplied().amount()).isEqualByComparingTo("0.00");
    }

    /** The account's row among the changes, paged through: the shared database's other accounts may change too. */
    private JsonNode changeOf(JsonNode simulation, UUID customerId) {
        String id = simulation.path("id").asText();
        for (int page = 0; ; page++) {
            JsonNode changed = as("manager").getForObject(RuleTables.PATH + "/simulations/" + id + "?size=500&page="
                    + page, JsonNode.class).path("changed");
            if (changed.isEmpty()) {
                return null;
            }
            for (JsonNode change : changed) {
                if (change.path("customerId").asText().equals(customerId.toString())) {
                    return change;
                }
            }
        }
    }
}
