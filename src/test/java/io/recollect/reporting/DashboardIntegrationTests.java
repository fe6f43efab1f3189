package io.recollect.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recollect.cases.CollectionCaseService;
import io.recollect.cases.PromiseService;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.Browser;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import io.recollect.support.TestFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A fixture portfolio of one team whose figures are worked out by hand below: the API and the
 * manager's page must show exactly those.
 *
 * <p>T is the last day. Period (T-90, T]. Invoices: A 1,000.00 due T+14 (not yet due); B 500.00
 * due T-21, 200.00 paid (open 300.00, 1-30 days); C 400.00 due T-51 (31-60 days); D 250.00 issued
 * T-136, outside the period, due T-106 (91-120 days); E 100.00 due T-11, paid in full.
 * <ul>
 * <li>receivables 1,950.00, current 1,000.00, overdue 950.00;
 * <li>credit sales (issued in the period) 1,000 + 500 + 400 + 100 = 2,000.00; collected 200 + 100 = 300.00;
 * <li>DSO = 1,950 / 2,000 x 90 = 87.75, shown 87.8; best possible DSO = 1,000 / 2,000 x 90 = 45.0;
 *     average days delinquent = 87.8 - 45.0 = 42.8;
 * <li>CEI = 300 / (300 + 950) x 100 = 24.0 %;
 * <li>promises: E's kept (paid in full before its date), C's broken (nothing paid by date + grace): 50.0 %.
 * </ul>
 * Emails, open cases and tasks come from the policy: their oracle is what GreenMail received,
 * each case's last decision and Camunda's task service.
 */
class DashboardIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    PromiseService promises;
    @Autowired
    CollectionCaseService caseService;
    @Autowired
    TaskService taskService;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    record Portfolio(String team, List<CustomerView> customers) {
    }

    private Portfolio portfolio() {
        String team = TestFixtures.unique("dash").toLowerCase();
        LocalDate t = time.today().plusDays(6);
        CustomerView a = customer(team);
        CustomerView b = customer(team);
        CustomerView c = customer(team);
        CustomerView d = customer(team);
        CustomerView e = customer(team);
        fixtures.issuedInvoice(a, "1000.00", t.minusDays(16), t.plusDays(14));
        fixtures.issuedInvoice(b, "500.00", t.minusDays(51), t.minusDays(21));
        fixtures.issuedInvoice(c, "400.00", t.minusDays(81), t.minusDays(51));
        fixtures.issuedInvoice(d, "250.00", t.minusDays(136), t.minusDays(106));
        fixtures.issuedInvoice(e, "100.00", t.minusDays(26), t.minusDays(11));
        cases.settle();
        // later decisions at a later instant, so "the latest decision" is one
        time.advance(Duration.ofMinutes(5));

        promises.record(c.id(), time.today().plusDays(1), new BigDecimal("100.00"), "collector");
        promises.record(e.id(), time.today().plusDays(2), new BigDecimal("100.00"), "collector");
        fixtures.pay(b, "200.00", time.today());
        fixtures.pay(e, "100.00", time.today());
        cases.settle();
        time.advanceDays(6);
        cases.settle();
        assertThat(time.today()).isEqualTo(t);
        return new Portfolio(team, List.of(a, b, c, d, e));
    }

    @Test
    void apiShowsTheHandComputedFiguresOfTheTeamsPortfolio() throws Exception {
        Portfolio portfolio = portfolio();

        ResponseEntity<String> response = as("manager").getForEntity("/api/dashboard?team=" + portfolio.team(), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode dashboard = json.readTree(response.getBody());
        assertThat(dashboard.get("periodDays").asInt()).isEqualTo(90);
        assertThat(dashboard.get("currencies")).hasSize(1);
        JsonNode eur = dashboard.get("currencies").get(0);
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        assertThat(amounts(eur.get("aging"))).containsExactly("1000.00", "300.00", "400.00", "0.00", "250.00", "0.00");
        assertThat(eur.get("aging").findValuesAsText("invoices")).containsExactly("1", "1", "1", "0", "1", "0");
        assertThat(decimal(eur.get("receivables").get("amount"))).isEqualByComparingTo("1950.00");
        assertThat(decimal(eur.get("overdue").get("amount"))).isEqualByComparingTo("950.00");
        assertThat(decimal(eur.get("creditSales").get("amount"))).isEqualByComparingTo("2000.00");
        assertThat(decimal(eur.get("collections").get("amount"))).isEqualByComparingTo("300.00");
        assertThat(eur.get("dso").decimalValue()).isEqualByComparingTo("87.8");
        assertThat(eur.get("bestPossibleDso").decimalValue()).isEqualByComparingTo("45.0");
        assertThat(eur.get("averageDaysDelinquent").decimalValue()).isEqualByComparingTo("42.8");
        assertThat(eur.get("cei").decimalValue()).isEqualByComparingTo("24.0");

        JsonNode promised = dashboard.get("promises");
        assertThat(promised.get("kept").asLong()).isEqualTo(1);
        assertThat(promised.get("broken").asLong()).isEqualTo(1);
        assertThat(promised.get("keptRate").decimalValue()).isEqualByComparingTo("50.0");

        long sent = portfolio.customers().stream().mapToLong(c -> Mailbox.of(mail, c.email()).size()).sum();
        assertThat(sent).isGreaterThanOrEqualTo(5);
        assertThat(dashboard.get("emails").get("sent").asLong()).isEqualTo(sent);
        assertThat(dashboard.get("emails").get("failed").asLong()).isZero();
        assertThat(counts(dashboard.get("openCasesByAction"))).isEqualTo(openCasesByAction(portfolio));
        assertThat(counts(dashboard.get("openCasesByAction")).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(3); // B, C and D owe overdue money; A owes nothing due yet, E paid
        assertThat(dashboard.get("openCasesByRule").findValuesAsText("name")).allMatch(n -> n.startsWith("collection-path row "));
        assertThat(tasks(dashboard.get("tasks"))).isEqualTo(tasksByGroup(portfolio));
        assertThat(dashboard.get("writeOffsByReason")).isEmpty();
    }

    @Test
    void managersDashboardPageShowsTheFiguresAndDrawsTheAgingChart() {
        Portfolio portfolio = portfolio();
        identity.ensureUser("dashmanager", PASSWORD, "Dana", "Manager", "dm@test.example",
                List.of(io.recollect.security.Roles.MANAGERS));

        try (Browser browser = Browser.open(port)) {
            browser.logIn("dashmanager", PASSWORD);
            browser.go("/dashboard?team=" + portfolio.team());
            String page = browser.waitForText("Receivables in EUR").replaceAll("\\s+", " ");
            assertThat(page).contains("Portfolio dashboard", "Customers of team " + portfolio.team())
                    .contains("Open receivables EUR 1,950.00", "Overdue EUR 950.00")
                    .contains("Credit sales in the period EUR 2,000.00", "Collected in the period EUR 300.00")
                    .contains("DSO 87.8 days", "Best possible DSO 45.0 days", "Average days delinquent 42.8 days")
                    .contains("CEI 24.0 %", "Promise-kept rate 50.0 %")
                    .contains("Not yet due 1 EUR 1,000.00", "1-30 days 1 EUR 300.00", "91-120 days 1 EUR 250.00");
            browser.waitForAttribute(By.cssSelector(".chart[data-currency=EUR]"), "data-drawn", "true");
            assertThat(browser.count(By.cssSelector(".chart[data-currency=EUR] svg"))).isPositive();
        }
    }

    @Test
    void collectorsAndIntegrationsDoNotSeeTheDashboard() {
        assertThat(as("collector").getForEntity("/api/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("integration").getForEntity("/api/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("collector").getForEntity("/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/api/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private CustomerView customer(String team) {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        return customers.assignTeam(customer.id(), team);
    }

    private Map<String, Long> openCasesByAction(Portfolio portfolio) {
        Map<String, Long> expected = new TreeMap<>();
        portfolio.customers().stream().filter(c -> caseService.openCase(c.id()).isPresent())
                .forEach(c -> expected.merge(cases.lastDecision(c).action().name(), 1L, Long::sum));
        return expected;
    }

    private Map<String, List<Long>> tasksByGroup(Portfolio portfolio) {
        Map<String, List<Long>> expected = new TreeMap<>();
        java.util.Date now = java.util.Date.from(time.now());
        for (CustomerView customer : portfolio.customers()) {
            Task task = cases.openTask(customer);
            if (task == null) {
                continue;
            }
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
                    long late = task.getDueDate() != null && task.getDueDate().before(now) ? 1 : 0;
                    expected.merge(link.getGroupId(), List.of(1L, late),
                            (x, y) -> List.of(x.get(0) + y.get(0), x.get(1) + y.get(1)));
                }
            }
        }
        return expected;
    }

    private static List<String> amounts(JsonNode aging) {
        return java.util.stream.StreamSupport.stream(aging.spliterator(), false)
                .map(bucket -> decimal(bucket.get("amount").get("amount")).setScale(2).toPlainString()).toList();
    }

    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    private static Map<String, Long> counts(JsonNode rows) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(row.get("name").asText(), row.get("count").asLong()));
        return counts;
    }

    private static Map<String, List<Long>> tasks(JsonNode rows) {
        Map<String, List<Long>> tasks = new TreeMap<>();
        rows.forEach(row -> tasks.put(row.get("group").asText(), List.of(row.get("open").asLong(), row.get("pastSla").asLong())));
        return tasks;
    }
}
