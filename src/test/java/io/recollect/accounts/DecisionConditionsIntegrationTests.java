package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.rules.DecisionRecordView;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** Each decision on the account page tells, on hover or focus, what its row asked in the version it cites. */
class DecisionConditionsIntegrationTests extends IntegrationTest {

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void aDecisionShowsItsRowsConditionsFromTheStoredVersion() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        DecisionRecordView first = cases.decisions(customer).get(0);
        assertThat(first.citation().versionId()).isNotNull();

        ResponseEntity<String> page = as("collector").getForEntity("/customers/" + customer.id(), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = HtmlUtils.htmlUnescape(page.getBody());
        // the shipped table's first decision for an enterprise account: R14, one friendly reminder
        assertThat(first.citation().label()).isEqualTo("R14");
        assertThat(body).contains("R14 (row 31) applies to Overdue amount: at least 0; Segment: ENTERPRISE; "
                + "Dunning emails sent: at most 0. The table saw:");
        // in a title for the pointer and in a details element for the keyboard and screen readers
        assertThat(body).containsPattern("<details class=\"decision\" title=\"R14 \\(row 31\\) applies to");
        assertThat(cases.timeline(customer).stream().filter(e -> e.kind().equals("DECISION")))
                .allSatisfy(decision -> assertThat(decision.detail()).contains(" applies to ", "The table saw: {"));
    }
}
