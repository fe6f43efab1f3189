package io.recollect.rules;

import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.edited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recollect.RecollectApplication;
import io.recollect.security.IdentitySetup;
import io.recollect.security.Roles;
import io.recollect.support.ErrorLog;
import io.recollect.support.RuleTables;
import io.recollect.support.TestMailServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL database, the shipped table is seeded once (the second
 * node finds it seeded), and a version activated through one node is what the other decides with next, without a
 * restart. PostgreSQL only: H2 in memory is one JVM's database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeRuleTableIntegrationTests {

    private static final String DATABASE = "test_rules_two_nodes";
    private static final String PASSWORD = "two-nodes";

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() throws SQLException {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "two nodes need a shared PostgreSQL");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password)) {
            admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            admin.createStatement().execute("create database " + DATABASE);
        }
        nodeA = node("rules-a", server + DATABASE, user, password);
        nodeB = node("rules-b", server + DATABASE, user, password);
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    @Order(1)
    void aVersionActivatedOnOneNodeDecidesOnTheOtherWithoutRestart() {
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from rule_table_versions where table_name = 'collection-path'",
                Integer.class)).isEqualTo(1);
        AccountSituation fortyDays = new AccountSituation(40, new BigDecimal("120.00"), "CONSUMER", "B", 0, 0, 0, 0,
                false, false, false, false, false, false);
        CollectionPathDecisions onB = nodeB.getBean(CollectionPathDecisions.class);
        assertThat(onB.active().decide(fortyDays).citation().label()).isEqualTo("R18");

        IdentitySetup identity = nodeA.getBean(IdentitySetup.class);
        identity.ensureUser("manager", PASSWORD, "Mona", "Manager", "m@test.example", List.of(Roles.MANAGERS));
        identity.ensureUser("manager2", PASSWORD, "Max", "Manager", "m2@test.example", List.of(Roles.MANAGERS));
        TestRestTemplate api = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + nodeA.getEnvironment().getProperty("local.server.port")));
        UUID candidate = RuleTables.candidate(api.withBasicAuth("manager", PASSWORD),
                edited(rules -> cell(rules, "R13", "Days past due: at least").setCellValue(30)), "from 30 days");
        assertThat(RuleTables.activate(api.withBasicAuth("manager2", PASSWORD), candidate, "agreed").getStatusCode())
                .isEqualTo(HttpStatus.OK);

        RuleCitation cited = onB.active().decide(fortyDays).citation();
        assertThat(cited.versionId()).isEqualTo(candidate);
        assertThat(cited.label()).isEqualTo("R13");
        assertThat(cited.row()).isEqualTo(30);
    }

    /**
     * Two managers activate different versions through different nodes at the same moment: one
     * wins, the other is told so (409), the database holds one ACTIVE version, and no node logs an
     * ERROR for it. Then a challenger started through one node is what the other splits by.
     */
    @Test
    @Order(2)
    void racingActivationsOnTwoNodesLeaveOneActiveAndNoErrorThenBothNodesSeeTheChallenger() throws Exception {
        IdentitySetup identity = nodeA.getBean(IdentitySetup.class);
        identity.ensureUser("manager", PASSWORD, "Mona", "Manager", "m@test.example", List.of(Roles.MANAGERS));
        identity.ensureUser("manager2", PASSWORD, "Max", "Manager", "m2@test.example", List.of(Roles.MANAGERS));
        TestRestTemplate onA = api(nodeA);
        TestRestTemplate onB = api(nodeB);
        UUID[] candidates = new UUID[3];
        for (int i = 0; i < candidates.length; i++) {
            int days = 31 + i;
            candidates[i] = RuleTables.candidate(onA.withBasicAuth("manager", PASSWORD),
                    edited(rules -> cell(rules, "R13", "Days past due: at least").setCellValue(days)), "from " + days);
        }
        for (int round = 0; round < 3; round++) {
            UUID first = candidates[round % 2];
            UUID second = candidates[(round + 1) % 2];
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch ready = new CountDownLatch(2);
            try (ErrorLog log = ErrorLog.watch()) {
                List<Future<HttpStatus>> outcomes = threads.invokeAll(List.<Callable<HttpStatus>>of(() -> {
                    ready.countDown();
                    ready.await();
                    return HttpStatus.valueOf(RuleTables.activate(onA.withBasicAuth("manager2", PASSWORD), first, "race")
                            .getStatusCode().value());
                }, () -> {
                    ready.countDown();
                    ready.await();
                    return HttpStatus.valueOf(RuleTables.activate(onB.withBasicAuth("manager2", PASSWORD), second, "race")
                            .getStatusCode().value());
                }));
                List<HttpStatus> statuses = new java.util.ArrayList<>();
                for (Future<HttpStatus> outcome : outcomes) {
                    statuses.add(outcome.get());
                }
                assertThat(statuses).as("round %d", round).contains(HttpStatus.OK)
                        .allMatch(s -> s == HttpStatus.OK || s == HttpStatus.CONFLICT);
                assertThat(log.errors()).as("round %d", round).isEmpty();
            } finally {
                threads.shutdown();
            }
            assertThat(nodeA.getBean(JdbcTemplate.class).queryForObject("select count(*) from rule_table_versions"
                    + " where table_name = 'collection-path' and status = 'ACTIVE'", Integer.class)).isEqualTo(1);
        }

        assertThat(RuleTables.challenge(onA.withBasicAuth("manager2", PASSWORD), candidates[2], 50, null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        CollectionPathRules table = nodeB.getBean(CollectionPathRules.class);
        ActiveRuleTables.Challenger<CollectionPathTable> seenByB = nodeB.getBean(ActiveRuleTables.class).challenger(table)
                .orElseThrow();
        assertThat(seenByB.versionId()).isEqualTo(candidates[2]);
        assertThat(seenByB.table().versionId()).isEqualTo(candidates[2]);
        UUID inShare = java.util.stream.Stream.generate(UUID::randomUUID)
                .filter(id -> io.recollect.rules.internal.ArmBuckets.inShare(CollectionPathTable.NAME, id, 50))
                .findFirst().orElseThrow();
        assertThat(seenByB.armOf(inShare, "CONSUMER")).isEqualTo(Arm.CHALLENGER);
        assertThat(RuleTables.endChallenger(onB.withBasicAuth("manager", PASSWORD)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(nodeA.getBean(ActiveRuleTables.class).challenger(nodeA.getBean(CollectionPathRules.class))).isEmpty();
    }

    private static TestRestTemplate api(ConfigurableApplicationContext node) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + node.getEnvironment().getProperty("local.server.port")));
    }

    private static ConfigurableApplicationContext node(String name, String url, String user, String password) {
        return new SpringApplicationBuilder(RecollectApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--spring.mail.port=" + TestMailServer.get().getSmtp().getPort(),
                        "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
                        // The Camunda webapps keep their engine lookup in static fields: a node's would
                        // replace the suite's own and, once the node closes, leave Tasklist and
                        // Cockpit of every other context without an engine (500s).
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.application.name=" + name);
    }
}
