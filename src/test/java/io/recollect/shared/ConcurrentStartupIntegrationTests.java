package io.recollect.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.RecollectApplication;
import io.recollect.support.PostgresDatabases;
import io.recollect.support.TestMailServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started at the same moment on an empty PostgreSQL database both come up: the
 * schema (Flyway's and Camunda's) and the startup data are made once, whoever comes first.
 * The nodes run as in production, job executor included.
 */
class ConcurrentStartupIntegrationTests {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    @Test
    void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
        String database = PostgresDatabases.emptyDatabase();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        // Spring Boot's logging set-up is not safe for two applications starting at once in one JVM
        // (a ConcurrentModificationException in Logback's property map); the test JVM's logging is
        // already set up, so the two nodes leave it alone.
        System.setProperty(LOGGING_SYSTEM, "none");
        for (String node : List.of("nodeA", "nodeB")) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return start(node, database);
            }));
        }

        List<Throwable> failures = new ArrayList<>();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        for (CompletableFuture<ConfigurableApplicationContext> node : nodes) {
            try {
                started.add(node.get(4, TimeUnit.MINUTES));
            } catch (Exception e) {
                failures.add(e.getCause() == null ? e : e.getCause());
            }
        }
        System.clearProperty(LOGGING_SYSTEM);
        List<Boolean> running = started.stream().map(ConfigurableApplicationContext::isRunning).toList();
        List<Integer> jobLockMillis = started.stream().map(ConcurrentStartupIntegrationTests::jobLockMillis).toList();
        started.forEach(ConfigurableApplicationContext::close);

        assertThat(failures).as("nodes that failed to start").isEmpty();
        assertThat(running).containsExactly(true, true);
        // a node killed mid-job leaves its jobs locked this long
        assertThat(jobLockMillis).allSatisfy(millis -> assertThat(millis).isLessThanOrEqualTo(60_000));
    }

    private static int jobLockMillis(ConfigurableApplicationContext node) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) node
                .getBean(ProcessEngine.class).getProcessEngineConfiguration();
        return configuration.getJobExecutor().getLockTimeInMillis();
    }

    private static ConfigurableApplicationContext start(String node, String database) {
        // Arguments, not default properties: they must win over the profile and the environment
        // (CI points SPRING_DATASOURCE_URL at the suite's own database, not the empty one).
        return new SpringApplicationBuilder(RecollectApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + PostgresDatabases.username(),
                        "--spring.datasource.password=" + PostgresDatabases.password(),
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMailServer.get().getSmtp().getPort(),
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--camunda.bpm.process-engine-name=" + node,
                        // The Camunda webapps keep their engine lookup in static fields: a node's would
                        // replace the suite's own and, once the node closes, leave Tasklist and
                        // Cockpit of every other context without an engine (500s).
                        "--camunda.bpm.webapp.enabled=false",
                        "--recollect.mail.outbox.sweep-interval=0s");
    }
}
