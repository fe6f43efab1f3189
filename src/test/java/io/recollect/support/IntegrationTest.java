package io.recollect.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.recollect.accounts.TimelineEntry;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.security.IdentitySetup;
import io.recollect.security.Roles;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context all integration tests share: the real app on a random port, a
 * real database (H2, or PostgreSQL via SPRING_DATASOURCE_URL), a real SMTP server, and time
 * and jobs under the test's control. Each test starts at a fixed business date and leaves no
 * running process behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestTimeConfiguration.class, TestFixtures.class, CaseDriver.class})
public abstract class IntegrationTest {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final String PASSWORD = "test-password";

    @Autowired
    protected TimeMachine time;
    @Autowired
    protected TestFixtures fixtures;
    @Autowired
    protected CaseDriver cases;
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    protected IdentitySetup identity;

    protected final GreenMail mail = TestMailServer.get();
    protected JobDriver jobs;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> TestMailServer.get().getSmtp().getPort());
    }

    @BeforeEach
    void startScenario() throws Exception {
        BpmnAwareTests.init(engine);
        jobs = new JobDriver(management);
        time.travelTo(START);
        mail.purgeEmailFromAllMailboxes();
        identity.ensureUser("integration", PASSWORD, "Ivy", "Integration", "i@test.example", List.of(Roles.INTEGRATIONS));
        identity.ensureUser("collector", PASSWORD, "Cole", "Collector", "c@test.example", List.of(Roles.COLLECTORS));
        identity.ensureUser("manager", PASSWORD, "Mona", "Manager", "m@test.example", List.of(Roles.MANAGERS));
        identity.ensureUser("admin", PASSWORD, "Ada", "Admin", "a@test.example", List.of(Roles.ADMIN));
    }

    /** A second collection manager, for what four-eyes keeps from the one who asked or uploaded. */
    protected void ensureSecondManager() {
        identity.ensureUser("manager2", PASSWORD, "Max", "Manager", "m2@test.example", List.of(Roles.MANAGERS));
    }

    @AfterEach
    void leaveNoProcessRunning() {
        List<String> running = runtime.createProcessInstanceQuery().list().stream().map(p -> p.getId()).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "test finished", true, true);
        }
        time.reset();
    }

    /** An enterprise account a week after its friendly reminder: a collector's contact task is open. */
    protected CustomerView escalatedEnterpriseCase(String amount) {
        CustomerView customer = fixtures.customer(Segment.ENTERPRISE, RiskBand.A);
        fixtures.overdueInvoice(customer, amount, 3, time.today());
        cases.settle();
        time.advanceDays(7);
        cases.settle();
        assertThat(cases.openTask(customer).getTaskDefinitionKey()).isEqualTo("Task_ContactCustomer");
        return customer;
    }

    /** The kinds of the customer's timeline entries, in order. */
    protected List<String> kinds(CustomerView customer) {
        return cases.timeline(customer).stream().map(TimelineEntry::kind).toList();
    }

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }
}
