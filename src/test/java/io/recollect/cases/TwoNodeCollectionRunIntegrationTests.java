package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.recollect.RecollectApplication;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.NewInvoice;
import io.recollect.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes, two application contexts with their own engine and job executor, on one
 * PostgreSQL database: one collection run shared between them decides every account once and
 * sends every letter once. PostgreSQL only (the suite's second pass in CI): H2 in memory is one
 * JVM's database.
 */
class TwoNodeCollectionRunIntegrationTests {

    private static final String DATABASE = "recollect_two_nodes";
    private static final int ACCOUNTS = 120;

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
        nodeA = node("node-a", server + DATABASE, user, password);
        nodeB = node("node-b", server + DATABASE, user, password);
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
    void aRunSharedByTwoNodesDecidesEachAccountOnceAndSendsEachLetterOnce() throws Exception {
        GreenMail mail = TestMailServer.get();
        mail.purgeEmailFromAllMailboxes();
        CustomerService customers = nodeA.getBean(CustomerService.class);
        InvoiceService invoices = nodeA.getBean(InvoiceService.class);
        LocalDate today = LocalDate.now();
        List<CustomerView> portfolio = IntStream.range(0, ACCOUNTS).mapToObj(i -> {
            CustomerView customer = customers.register(new NewCustomer("TWO-" + i + "-" + UUID.randomUUID(),
                    "Customer " + i, "two-nodes-" + i + "@test.example", "en", Segment.CONSUMER, RiskBand.B, "EUR"));
            var draft = invoices.create(new NewInvoice("TWO-INV-" + UUID.randomUUID(), customer.id(), "EUR",
                    today.minusDays(40), today.minusDays(10), List.of(new NewInvoice.Line(null, "Consulting",
                            BigDecimal.ONE, new BigDecimal("50.00"), BigDecimal.ZERO))));
            invoices.issue(draft.id());
            return customer;
        }).toList();

        UUID run = nodeA.getBean(CollectionRunService.class).start("test");
        CollectionRunService statusOnB = nodeB.getBean(CollectionRunService.class);
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() ->
                "FINISHED".equals(statusOnB.status(run).status())
                        && jdbc.queryForObject("select count(*) from communications where status = 'QUEUED'",
                                Integer.class) == 0);

        Set<String> ids = portfolio.stream().map(c -> c.id().toString()).collect(Collectors.toSet());
        List<String> decided = jdbc.queryForList("select customer_id from decision_records", String.class);
        List<MimeMessage> dunning = Arrays.stream(mail.getReceivedMessages()).filter(m -> !subject(m).startsWith("Invoice "))
                .toList();
        long distinctMessageIds = dunning.stream().map(TwoNodeCollectionRunIntegrationTests::messageId).distinct().count();
        System.out.printf("two nodes: %d accounts, %d decisions, %d reminders received, %d distinct, run %s%n",
                ACCOUNTS, decided.size(), dunning.size(), distinctMessageIds, statusOnB.status(run));

        assertThat(decided).hasSize(ACCOUNTS).doesNotHaveDuplicates();
        assertThat(Set.copyOf(decided)).isEqualTo(ids);
        assertThat(dunning).hasSize(ACCOUNTS);
        assertThat(dunning.stream().map(TwoNodeCollectionRunIntegrationTests::recipient)).doesNotHaveDuplicates();
    }

    private static ConfigurableApplicationContext node(String name, String url, String user, String password) {
        return new SpringApplicationBuilder(RecollectApplication.class)
                .profiles("test")
                // arguments, not default properties: they must win over the test profile and the environment
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--spring.mail.port=" + TestMailServer.get().getSmtp().getPort(),
                        "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--recollect.run.batch-size=10",
                        // The Camunda webapps keep their engine lookup in static fields: a node's would
                        // replace the suite's own and, once the node closes, leave Tasklist and
                        // Cockpit of every other context without an engine (500s).
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.application.name=" + name);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
