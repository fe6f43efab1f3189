package io.recollect.rules;

import static io.recollect.support.RuleTables.activate;
import static io.recollect.support.RuleTables.activeId;
import static io.recollect.support.RuleTables.candidate;
import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.edited;
import static io.recollect.support.RuleTables.simulate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.ErrorLog;
import io.recollect.support.IntegrationTest;
import io.recollect.support.RuleTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager's change of the collection path, end to end through the API: an edited workbook is
 * uploaded, simulated on the live portfolio, activated by a second manager (never its uploader),
 * decides and is cited, and is rolled back; racing activations leave one ACTIVE version.
 */
class RuleTableGovernanceIntegrationTests extends IntegrationTest {

    /** R13 "found 60 days overdue before any reminder: a collector calls" now from 30 days on. */
    private static final byte[] R13_FROM_30_DAYS = edited(rules -> cell(rules, "R13", "Days past due: at least").setCellValue(30));

    @Autowired
    JdbcTemplate jdbc;

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
    void anEditedTableIsSimulatedActivatedBySecondManagerCitedAndRolledBack() {
        UUID shipped = activeId(as("manager"));
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "Call consumers from 30 days");

        // The difference the fixture portfolio makes to the simulation is exactly its expected matrix.
        JsonNode before = simulate(as("manager"), edited).path("result");
        CustomerView fortyDays = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(fortyDays, "120.00", 40, time.today());
        CustomerView tenDays = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(tenDays, "80.00", 10, time.today());
        CustomerView seventyDays = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(seventyDays, "60.00", 70, time.today());
        JsonNode simulation = simulate(as("manager"), edited);
        JsonNode after = simulation.path("result");

        assertThat(matrixDelta(before, after)).isEqualTo(Map.of("REMIND->ESCALATE", 1, "REMIND->REMIND", 1,
                "ESCALATE->ESCALATE", 1));
        assertThat(after.path("newRows").path("R13 (row 30)").asInt() - before.path("newRows").path("R13 (row 30)").asInt())
                .isEqualTo(2);
        assertThat(after.path("emails").path("reminder-friendly").path(0).asInt(0)
                - before.path("emails").path("reminder-friendly").path(0).asInt(0)).isEqualTo(2);
        assertThat(after.path("emails").path("reminder-friendly").path(1).asInt(0)
                - before.path("emails").path("reminder-friendly").path(1).asInt(0)).isEqualTo(1);
        assertThat(after.path("tasks").path("collectors").path(1).asInt(0)
                - before.path("tasks").path("collectors").path(1).asInt(0)).isEqualTo(2);
        JsonNode change = changeOf(simulation, fortyDays.id());
        assertThat(change.path("oldAction").asText()).isEqualTo("REMIND");
        assertThat(change.path("oldRule").asText()).isEqualTo("R18 (row 35)");
        assertThat(change.path("newAction").asText()).isEqualTo("ESCALATE");
        assertThat(change.path("newRule").asText()).isEqualTo("R13 (row 30)");
        assertThat(change.path("customerName").asText()).isEqualTo(fortyDays.name());
        assertThat(changeOf(simulation, tenDays.id())).isNull();

        // Four-eyes: the uploader may not activate; the second manager may.
        ResponseEntity<JsonNode> own = activate(as("manager"), edited, "my own change");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().path("detail").asText()).contains("another collection manager");
        assertThat(activeId(as("manager"))).isEqualTo(shipped);
        assertThat(activate(as("manager2"), edited, "agreed in the Monday meeting").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activeId(as("manager"))).isEqualTo(edited);

        cases.settle();
        RuleCitation cited = cases.decisions(fortyDays).get(0).citation();
        assertThat(cases.decisions(fortyDays).get(0).action()).isEqualTo(CollectionAction.ESCALATE);
        assertThat(cited.versionId()).isEqualTo(edited);
        assertThat(cited.label()).isEqualTo("R13");
        assertThat(cited.row()).isEqualTo(30);

        // Rolling back is activating the earlier version; the old decision comes back.
        ResponseEntity<JsonNode> rollback = activate(as("manager"), shipped, "too many calls");
        assertThat(rollback.getStatusCode()).isEqualTo(HttpStatus.OK);
        CustomerView afterRollback = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(afterRollback, "120.00", 40, time.today());
        cases.settle();
        DecisionRecordView old = cases.decisions(afterRollback).get(0);
        assertThat(old.action()).isEqualTo(CollectionAction.REMIND);
        assertThat(old.citation().versionId()).isEqualTo(shipped);
        assertThat(old.citation().label()).isEqualTo("R18");

        JsonNode trail = as("manager").getForObject(RuleTables.PATH + "/events", JsonNode.class);
        List<String> kinds = new java.util.ArrayList<>();
        trail.forEach(e -> kinds.add(e.path("kind").asText() + " " + e.path("actor").asText() + " " + e.path("versionId").asText()));
        assertThat(kinds).contains("UPLOADED manager " + edited, "SIMULATED manager " + edited,
                "ACTIVATED manager2 " + edited, "ROLLED_BACK manager " + shipped);
    }

    @Test
    void versionsDownloadByteExact() {
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "byte for byte");
        assertThat(as("collector").getForEntity(RuleTables.PATH + "/versions/" + edited + "/content", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager2").getForObject(RuleTables.PATH + "/versions/" + edited + "/content", byte[].class))
                .isEqualTo(R13_FROM_30_DAYS);
        assertThat(as("manager2").getForObject(RuleTables.PATH + "/versions/" + RuleTables.seedId(as("manager"))
                + "/content", byte[].class)).isEqualTo(RuleTables.shipped());
    }

    @Test
    void onlyCollectionManagersActivate() {
        UUID edited = candidate(as("manager"), R13_FROM_30_DAYS, "not for collectors");
        assertThat(activate(as("collector"), edited, "sneaky").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(activate(as("admin"), edited, "sneaky").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(activeId(as("manager"))).isEqualTo(RuleTables.seedId(as("manager")));
    }

    @Test
    void twoRacingActivationsLeaveExactlyOneActiveVersion() throws Exception {
        UUID first = candidate(as("manager"), R13_FROM_30_DAYS, "first");
        UUID second = candidate(as("manager"), edited(rules -> cell(rules, "R13", "Days past due: at least")
                .setCellValue(45)), "second");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        try (ErrorLog log = ErrorLog.watch()) {
            List<Callable<HttpStatus>> racers = List.of(first, second).stream().<Callable<HttpStatus>>map(id -> () -> {
                ready.countDown();
                ready.await();
                return HttpStatus.valueOf(activate(as("manager2"), id, "race").getStatusCode().value());
            }).toList();
            List<HttpStatus> outcomes = threads.invokeAll(racers).stream().map(RuleTableGovernanceIntegrationTests::get).toList();
            assertThat(outcomes).contains(HttpStatus.OK).allMatch(s -> s == HttpStatus.OK || s == HttpStatus.CONFLICT);
            // The loser is told to reload; nothing about it is an error of the system's.
            assertThat(log.errors()).isEmpty();
        } finally {
            threads.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from rule_table_versions where table_name = 'collection-path'"
                + " and status = 'ACTIVE'", Integer.class)).isEqualTo(1);
        assertThat(activeId(as("manager"))).isIn(first, second);
    }

    /** htmx polls the progress row while the simulation runs, and is told to reload the page once it is done. */
    @Test
    void theSimulationPageShowsProgressWhileItRuns() {
        UUID simulation = UUID.randomUUID();
        UUID active = activeId(as("manager"));
        jdbc.update("insert into rule_table_simulations (id, table_name, version_id, active_id, started_by, started_at,"
                + " status, accounts_done, accounts) values (?, 'collection-path', ?, ?, 'manager', ?, 'RUNNING', 1200, 5000)",
                simulation, active, active, java.sql.Timestamp.from(time.now()));
        String progress = "/rule-tables/collection-path/simulations/" + simulation + "/progress";

        ResponseEntity<String> running = as("manager").getForEntity(progress, String.class);
        assertThat(running.getBody()).contains("1200 of 5000", "hx-get=\"" + progress + "\"", "every 1s")
                .doesNotContain("<html");
        assertThat(running.getHeaders().containsKey("HX-Refresh")).isFalse();
        assertThat(as("manager").getForObject("/rule-tables/collection-path/simulations/" + simulation, String.class))
                .contains("1200 of 5000", "hx-get=\"" + progress + "\"");

        jdbc.update("update rule_table_simulations set status = 'DONE', accounts_done = 5000 where id = ?", simulation);
        ResponseEntity<String> done = as("manager").getForEntity(progress, String.class);
        assertThat(done.getHeaders().getFirst("HX-Refresh")).isEqualTo("true");
        assertThat(as("collector").getForEntity(progress, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static HttpStatus get(Future<HttpStatus> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode changeOf(JsonNode simulation, UUID customerId) {
        for (JsonNode change : simulation.path("changed")) {
            if (change.path("customerId").asText().equals(customerId.toString())) {
                return change;
            }
        }
        return null;
    }

    private static Map<String, Integer> matrixDelta(JsonNode before, JsonNode after) {
        Map<String, Integer> delta = new HashMap<>();
        after.path("matrix").fields().forEachRemaining(from -> from.getValue().fields().forEachRemaining(to -> {
            int was = before.path("matrix").path(from.getKey()).path(to.getKey()).asInt(0);
            if (to.getValue().asInt() != was) {
                delta.put(from.getKey() + "->" + to.getKey(), to.getValue().asInt() - was);
            }
        }));
        return delta;
    }

}
