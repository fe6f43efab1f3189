package io.recollect.cases;

import io.recollect.RecollectApplication;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.NewInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Recollect node in a JVM of its own, for {@link CollectionRunKillIntegrationTests} to
 * kill with SIGKILL. Arguments: JDBC URL, user, password, SMTP port, then {@code seed N} (load N
 * overdue accounts and start a collection run) or {@code join} (just be a node of the cluster).
 */
public final class CollectionNodeMain {

    private CollectionNodeMain() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(RecollectApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + args[0], "--spring.datasource.username=" + args[1],
                        "--spring.datasource.password=" + args[2], "--spring.mail.port=" + args[3],
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        // a dead node's job locks expire sooner than in production, to keep the test short
                        "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                        "--recollect.mail.outbox.sweep-interval=PT1S",
                        "--recollect.run.batch-size=10",
                        // started from surefire's manifest-only jar, classpath*: finds every process twice
                        "--camunda.bpm.deployment-resource-pattern=classpath:processes/**/*.bpmn,classpath:processes/**/*.form");
        if (args[4].equals("seed")) {
            seed(node, Integer.parseInt(args[5]));
            UUID run = node.getBean(CollectionRunService.class).start("kill-test");
            System.out.println("run " + run);
        }
        System.out.println("node ready");
    }

    private static void seed(ConfigurableApplicationContext node, int accounts) {
        CustomerService customers = node.getBean(CustomerService.class);
        InvoiceService invoices = node.getBean(InvoiceService.class);
        LocalDate today = LocalDate.now();
        for (int i = 0; i < accounts; i++) {
            CustomerView customer = customers.register(new NewCustomer("KILL-" + i, "Customer " + i,
                    "kill-" + i + "@test.example", "en", Segment.CONSUMER, RiskBand.B, "EUR"));
            var draft = invoices.create(new NewInvoice("KILL-INV-" + i, customer.id(), "EUR", today.minusDays(40),
                    today.minusDays(10), List.of(new NewInvoice.Line(null, "Consulting", BigDecimal.ONE,
                            new BigDecimal("50.00"), BigDecimal.ZERO))));
            invoices.issue(draft.id());
        }
    }
}
