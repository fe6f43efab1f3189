package io.recollect.rules;

import static io.recollect.support.RuleTables.activate;
import static io.recollect.support.RuleTables.candidate;
import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.challenge;
import static io.recollect.support.RuleTables.edited;
import static io.recollect.support.RuleTables.endChallenger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.rules.internal.ArmBuckets;
import io.recollect.support.IntegrationTest;
import io.recollect.support.RuleTables;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Champion and challenger through the API: a second manager starts a candidate on a share of the
 * accounts, the run decides each account with its arm's version and records the arm, the arms
 * are compared over a period, and the challenge ends or is promoted; never two at once.
 */
class ChampionChallengerIntegrationTests extends IntegrationTest {

    /** R13 (a collector calls a consumer found overdue before any reminder) from 30 days instead of 60. */
    private static final byte[] R13_FROM_30_DAYS = edited(rules -> cell(rules, "R13", "Days past due: at least").setCellValue(30));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CollectionPathDecisions decisions;

    @BeforeEach
    void secondManager() {
        ensureSecondManager();
        RuleTables.restoreShipped(as("manager2"));
    }

    @AfterEach
    void noChallengerLeft() {
        RuleTables.restoreShipped(as("manager2"));
    }

    @Test
    void theUploaderMayNotStartTheirOwnChallenger() {
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "call consumers sooner");

        ResponseEntity<JsonNode> own = challenge(as("manager"), edited, 10, null);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().path("detail").asText()).contains("another collection manager");
        assertThat(challenge(as("collector"), edited, 10, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager").getForEntity(RuleTables.PATH + "/challenger", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> other = challenge(as("manager2"), edited, 10, null);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getBody().path("sharePercent").asInt()).isEqualTo(10);
        assertThat(other.getBody().path("startedBy").asText()).isEqualTo("manager2");
    }

    @Test
    void aTableRunsOneChallengerAtATime() {
        UUID first = candidate(as("manager"), R13_FROM_30_DAYS, "first");
        UUID second = candidate(as("manager"), edited(rules -> cell(rules, "R13", "Days past due: at least")
                .setCellValue(45)), "second");
        assertThat(challenge(as("manager2"), first, 10, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> another = challenge(as("manager2"), second, 10, null);
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(another.getBody().path("detail").asText()).contains("already runs");
        // The database refuses a second running challenger whatever the service checked.
        assertThatThrownBy(() -> jdbc.update("insert into rule_table_challengers (id, table_name, version_id,"
                + " share_percent, started_by, started_at, running_table) values (?, 'collection-path', ?, 5, 'x', ?,"
                + " 'collection-path')", UUID.randomUUID(), second, Timestamp.from(time.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(as("manager").getForObject(RuleTables.PATH + "/challenger", JsonNode.class).path("versionId").asText())
                .isEqualTo(first.toString());
    }

    @Test
    void refusesAShareOutsideOneToFiftyAnUnknownSegmentAndAVersionThatIsNoCandidate() {
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "bounds");
        for (Integer share : new Integer[] {0, 51, null}) {
            ResponseEntity<JsonNode> refused = challenge(as("manager2"), edited, share, null);
            assertThat(refused.getStatusCode()).as("share %s", share).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("errors").path(0).path("field").asText()).isEqualTo("share");
            assertThat(refused.getBody().path("errors").path(0).path("message").asText()).as("share %s", share)
                    .contains("percent");
        }
        assertThat(challenge(as("manager2"), edited, 10, "CONSUMERS").getBody().path("errors").path(0).path("message")
                .asText()).contains("Unknown segment 'CONSUMERS'");
        ResponseEntity<JsonNode> active = challenge(as("manager2"), RuleTables.activeId(as("manager")), 10, null);
        assertThat(active.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(active.getBody().path("detail").asText()).contains("is ACTIVE");
    }

    @Test
    void eachAccountIsDecidedByItsArmsVersionAndTheRecordSaysWhich() {
        UUID shipped = RuleTables.activeId(as("manager"));
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "consumers only");
        assertThat(challenge(as("manager2"), edited, 50, "CONSUMER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CustomerView challenged = customer(Segment.CONSUMER, true, 50);
        CustomerView champion = customer(Segment.CONSUMER, false, 50);
        CustomerView otherSegment = customer(Segment.SMALL_BUSINESS, true, 50);
        for (CustomerView customer : List.of(challenged, champion, otherSegment)) {
            fixtures.overdueInvoice(customer, "120.00", 40, time.today());
        }
        cases.settle();

        DecisionRecordView byChallenger = cases.decisions(challenged).get(0);
        assertThat(byChallenger.arm()).isEqualTo(Arm.CHALLENGER);
        assertThat(byChallenger.citation().versionId()).isEqualTo(edited);
        assertThat(byChallenger.citation().label()).isEqualTo("R13");
        assertThat(byChallenger.action()).isEqualTo(CollectionAction.ESCALATE);
        DecisionRecordView byChampion = cases.decisions(champion).get(0);
        assertThat(byChampion.arm()).isEqualTo(Arm.CHAMPION);
        assertThat(byChampion.citation().versionId()).isEqualTo(shipped);
        assertThat(byChampion.citation().label()).isEqualTo("R18");
        assertThat(cases.decisions(otherSegment).get(0).arm()).isEqualTo(Arm.CHAMPION);
        assertThat(cases.decisions(otherSegment).get(0).citation().versionId()).isEqualTo(shipped);
        assertThat(jdbc.queryForObject("select arm from decision_records where customer_id = ?", String.class,
                challenged.id())).isEqualTo("CHALLENGER");

        // Ended, the challenger's accounts go back to the champion from their next decision.
        assertThat(endChallenger(as("manager")).getStatusCode()).isEqualTo(HttpStatus.OK);
        CustomerView afterEnd = customer(Segment.CONSUMER, true, 50);
        fixtures.overdueInvoice(afterEnd, "120.00", 40, time.today());
        cases.settle();
        assertThat(cases.decisions(afterEnd).get(0).arm()).isEqualTo(Arm.CHAMPION);
        assertThat(cases.decisions(afterEnd).get(0).citation().versionId()).isEqualTo(shipped);
        assertThat(trail()).contains("CHALLENGER_STARTED manager2 " + edited, "CHALLENGER_ENDED manager " + edited);
    }

    @Test
    void activatingTheChallengersVersionPromotesIt() {
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "promote me");
        assertThat(challenge(as("manager2"), edited, 20, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(activate(as("manager2"), edited, "the challenger won").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(as("manager").getForEntity(RuleTables.PATH + "/challenger", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode latest = null;
        for (JsonNode challenger : as("manager").getForObject(RuleTables.PATH + "/challengers", JsonNode.class)) {
            latest = challenger.path("versionId").asText().equals(edited.toString()) ? challenger : latest;
        }
        assertThat(latest.path("endReason").asText()).isEqualTo("PROMOTED");
        assertThat(latest.path("endedBy").asText()).isEqualTo("manager2");
        assertThat(trail()).contains("CHALLENGER_PROMOTED manager2 " + edited, "ACTIVATED manager2 " + edited);
        CustomerView anyone = customer(Segment.CONSUMER, false, 20);
        fixtures.overdueInvoice(anyone, "120.00", 40, time.today());
        cases.settle();
        assertThat(cases.decisions(anyone).get(0).citation().versionId()).isEqualTo(edited);
        assertThat(cases.decisions(anyone).get(0).arm()).isEqualTo(Arm.CHAMPION);
    }

    /**
     * A small portfolio decided in a period nothing else in the suite reaches (January 2031):
     * two champion accounts, one challenger account that the champion decided first.
     */
    @Test
    void comparesTheArmsOverAPeriod() {
        LocalDate day = LocalDate.of(2031, 1, 10);
        time.travelTo(noon(day));
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "compare me");
        CustomerView paying = customer(Segment.CONSUMER, false, 50);
        CustomerView silent = customer(Segment.CONSUMER, false, 50);
        CustomerView challenged = customer(Segment.CONSUMER, true, 50);
        fixtures.issuedInvoice(paying, "300.00", day.minusDays(70), day.minusDays(40));
        fixtures.issuedInvoice(silent, "80.00", day.minusDays(70), day.minusDays(40));
        fixtures.issuedInvoice(challenged, "50.00", day.minusDays(70), day.minusDays(40));
        decide(paying, silent, challenged);
        assertThat(challenge(as("manager2"), edited, 50, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        time.travelTo(noon(day.plusDays(2)));
        decide(paying, silent, challenged);
        time.travelTo(noon(day.plusDays(4)));
        fixtures.pay(paying, "100.00", day.plusDays(4));
        fixtures.pay(challenged, "50.00", day.plusDays(4));
        promise(paying, "KEPT", day.plusDays(1));
        promise(silent, "BROKEN", day.plusDays(1));
        promise(challenged, "KEPT", day.plusDays(3));

        JsonNode arms = as("manager").getForObject(RuleTables.PATH + "/arms?from=2031-01-10&to=2031-01-20", JsonNode.class);

        JsonNode champion = arms.path("arms").get(0);
        assertThat(champion.path("arm").asText()).isEqualTo("CHAMPION");
        assertThat(champion.path("accounts").asLong()).isEqualTo(2);
        assertThat(champion.path("collected").get(0).path("currency").asText()).isEqualTo("EUR");
        assertThat(champion.path("collected").get(0).path("collected").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(champion.path("collected").get(0).path("stillOpen").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(champion.path("collected").get(0).path("sharePercent").decimalValue()).isEqualByComparingTo("26.3");
        assertThat(champion.path("accountsPaid").asLong()).isEqualTo(1);
        assertThat(champion.path("averageDaysToPay").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(champion.path("promisesKept").asLong()).isEqualTo(1);
        assertThat(champion.path("promisesBroken").asLong()).isEqualTo(1);
        assertThat(champion.path("promisesKeptPercent").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode challenger = arms.path("arms").get(1);
        assertThat(challenger.path("arm").asText()).isEqualTo("CHALLENGER");
        assertThat(challenger.path("accounts").asLong()).isEqualTo(1);
        assertThat(challenger.path("collected").get(0).path("collected").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(challenger.path("collected").get(0).path("sharePercent").decimalValue()).isEqualByComparingTo("100.0");
        // Days to pay count from the challenger's first decision (day 2), not the champion's (day 0).
        assertThat(challenger.path("averageDaysToPay").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(challenger.path("promisesKeptPercent").decimalValue()).isEqualByComparingTo("100.0");

        JsonNode before = as("manager").getForObject(RuleTables.PATH + "/arms?from=2031-01-01&to=2031-01-09", JsonNode.class);
        assertThat(before.path("arms").get(0).path("accounts").asLong()).isZero();
        assertThat(as("manager").getForEntity(RuleTables.PATH + "/arms?from=2031-01-10&to=2031-01-01", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** A new customer of the segment whose id falls inside (or outside) the challenger's share. */
    private CustomerView customer(Segment segment, boolean inShare, int share) {
        for (int attempt = 0; attempt < 200; attempt++) {
            CustomerView customer = fixtures.customer(segment, RiskBand.B);
            if (ArmBuckets.inShare(CollectionPathTable.NAME, customer.id(), share) == inShare) {
                return customer;
            }
        }
        throw new IllegalStateException("no customer " + (inShare ? "inside" : "outside") + " a " + share + " % share");
    }

    /** Each account decided through the run's own entry point, at the test clock's time. */
    private void decide(CustomerView... customers) {
        List<CollectionPathDecisions.Request> requests = new ArrayList<>();
        for (CustomerView customer : customers) {
            requests.add(new CollectionPathDecisions.Request(customer.id(), null, new AccountSituation(40,
                    new BigDecimal("100.00"), "CONSUMER", "B", 0, 30, 0, 0, false, false, false, false, false, false)));
        }
        decisions.decideAll(requests);
    }

    /** A settled promise of the customer's, on a closed case of its own, recorded on the day. */
    private void promise(CustomerView customer, String status, LocalDate recorded) {
        UUID caseId = UUID.randomUUID();
        Timestamp at = Timestamp.from(noon(recorded));
        jdbc.update("insert into collection_cases (id, customer_id, status, reminders_sent, opened_at, closed_at, version)"
                + " values (?, ?, 'CLOSED', 0, ?, ?, 0)", caseId, customer.id(), at, at);
        jdbc.update("insert into promises (id, case_id, customer_id, promised_date, amount, currency, received_amount,"
                + " status, recorded_by, recorded_at, resolved_at, version) values (?, ?, ?, ?, 10.00, 'EUR', 0, ?,"
                + " 'collector', ?, ?, 0)", UUID.randomUUID(), caseId, customer.id(),
                java.sql.Date.valueOf(recorded.plusDays(3)), status, at, at);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    private List<String> trail() {
        List<String> kinds = new ArrayList<>();
        as("manager").getForObject(RuleTables.PATH + "/events", JsonNode.class).forEach(e -> kinds.add(
                e.path("kind").asText() + " " + e.path("actor").asText() + " " + e.path("versionId").asText()));
        return kinds;
    }

}
