package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceView;
import io.recollect.plans.PlanService;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import io.recollect.writeoffs.WriteOffReason;
import io.recollect.writeoffs.WriteOffService;
import io.recollect.writeoffs.WriteOffView;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The account page's plan and write-off actions over HTTP: who may, what a mistake says, what they start. */
class PlanAndWriteOffActionsIntegrationTests extends IntegrationTest {

    @Autowired
    PlanService plans;
    @Autowired
    WriteOffService writeOffs;

    @BeforeEach
    void usersAndAMinute() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void previewShowsTheScheduleToTheCentAndMistakesNameTheField() {
        CustomerView customer = overdue("100.00");
        Page page = open("collector", customer);
        String due = time.today().plusDays(10).toString();

        ResponseEntity<String> preview = post(page, "/payment-plans/preview", "instalments", "3", "frequency",
                "MONTHLY", "firstDueDate", due);
        ResponseEntity<String> badCount = post(page, "/payment-plans/preview", "instalments", "many", "frequency",
                "MONTHLY", "firstDueDate", due);
        ResponseEntity<String> tooMuchDown = post(page, "/payment-plans", "downPayment", "100.00", "instalments", "2",
                "frequency", "MONTHLY", "firstDueDate", due);
        ResponseEntity<String> pastDate = post(page, "/payment-plans", "instalments", "2", "frequency", "MONTHLY",
                "firstDueDate", time.today().toString());
        ResponseEntity<String> noFrequency = post(page, "/payment-plans", "instalments", "2", "firstDueDate", due);

        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).contains("EUR 33.33", "EUR 33.34", "APPROVE").doesNotContain("<html");
        assertThat(badCount.getBody()).contains("Number of instalments: must be a whole number");
        assertThat(tooMuchDown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMuchDown.getBody()).contains("The down payment must be less than the balance of EUR 100.00");
        assertThat(pastDate.getBody()).contains("The first instalment must fall due after today");
        assertThat(noFrequency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noFrequency.getBody()).contains("How often: is required");
        assertThat(plans.forCustomer(customer.id())).as("no plan starts from a mistake").isEmpty();

        ResponseEntity<String> proposed = post(page, "/payment-plans", "instalments", "3", "frequency", "MONTHLY",
                "firstDueDate", due);
        // the page redirects back to the account, which the test client follows
        assertThat(proposed.getStatusCode()).isIn(HttpStatus.FOUND, HttpStatus.OK);
        cases.settle();
        assertThat(plans.openPlan(customer.id()).orElseThrow().negotiatedBy()).isEqualTo("collector");
        ResponseEntity<String> again = post(page, "/payment-plans", "instalments", "3", "frequency", "MONTHLY",
                "firstDueDate", due);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("already has a payment plan that is active");
    }

    @Test
    void collectorRequestsAWriteOffOfTheInvoicesChosen() {
        CustomerView customer = overdue("300.00");
        InvoiceView second = fixtures.overdueInvoice(customer, "45.00", 40, time.today());
        cases.settle();
        Page page = open("collector", customer);
        assertThat(page.body()).contains("Request a write-off", "Charity care / financial assistance", second.number());

        ResponseEntity<String> noInvoice = post(page, "/write-off-requests", "writeOffReason", "UNCOLLECTABLE");
        ResponseEntity<String> noReason = post(page, "/write-off-requests", "writeOffInvoice", second.number());
        ResponseEntity<String> notOpen = post(page, "/write-off-requests", "writeOffReason", "SETTLEMENT",
                "writeOffInvoice", "NO-SUCH");
        assertThat(noInvoice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noInvoice.getBody()).contains("Invoices to write off: choose at least one invoice");
        assertThat(noReason.getBody()).contains("Reason for the write-off: is required");
        assertThat(notOpen.getBody()).contains("is not an open invoice of this customer");
        assertThat(writeOffs.forCustomer(customer.id())).isEmpty();

        ResponseEntity<String> requested = post(page, "/write-off-requests", "writeOffReason", "SETTLEMENT",
                "writeOffInvoice", second.number(), "writeOffNote", "Settled on the phone");
        assertThat(requested.getStatusCode()).isIn(HttpStatus.FOUND, HttpStatus.OK);
        WriteOffView writeOff = writeOffs.forCustomer(customer.id()).get(0);
        assertThat(writeOff.reason()).isEqualTo(WriteOffReason.SETTLEMENT);
        assertThat(writeOff.requestedBy()).isEqualTo("collector");
        assertThat(writeOff.invoices()).singleElement().satisfies(line -> {
            assertThat(line.invoiceNumber()).isEqualTo(second.number());
            assertThat(line.requested().amount()).isEqualByComparingTo("45.00");
        });
    }

    @Test
    void financeSeesNeitherActionAndCannotPostThem() {
        CustomerView customer = overdue("100.00");
        Page page = open("finance", customer);

        ResponseEntity<String> plan = post(page, "/payment-plans", "instalments", "2", "frequency", "MONTHLY",
                "firstDueDate", time.today().plusDays(10).toString());
        ResponseEntity<String> writeOff = post(page, "/write-off-requests", "writeOffReason", "UNCOLLECTABLE");

        assertThat(page.body()).doesNotContain("Propose a plan", "Request a write-off");
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(writeOff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(plans.forCustomer(customer.id())).isEmpty();
    }

    @Test
    void anAdminMayActOnAccountsButNeitherNegotiatesPlansNorRequestsWriteOffs() {
        CustomerView customer = overdue("100.00");
        Page page = open("admin", customer);

        ResponseEntity<String> plan = post(page, "/payment-plans", "instalments", "2", "frequency", "MONTHLY",
                "firstDueDate", time.today().plusDays(10).toString());

        assertThat(page.body()).doesNotContain("Propose a plan");
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(plan.getBody()).contains("negotiated by collectors and collection managers");
        assertThat(plans.forCustomer(customer.id())).isEmpty();
    }

    private CustomerView overdue(String amount) {
        CustomerView customer = fixtures.customer(Segment.SMALL_BUSINESS, RiskBand.B);
        fixtures.overdueInvoice(customer, amount, 5, time.today());
        cases.settle();
        return customer;
    }

    private record Page(String user, CustomerView customer, String body, String cookie, String csrf) {
    }

    private Page open(String user, CustomerView customer) {
        ResponseEntity<String> page = as(user).getForEntity("/customers/" + customer.id(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0]).findFirst().orElse("");
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(csrf.find()).isTrue();
        return new Page(user, customer, page.getBody(), cookie, csrf.group(1));
    }

    private ResponseEntity<String> post(Page page, String action, String... fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.cookie());
        headers.add("X-CSRF-TOKEN", page.csrf());
        return as(page.user()).exchange("/customers/" + page.customer().id() + action, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }
}
