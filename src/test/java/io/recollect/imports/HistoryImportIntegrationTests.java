package io.recollect.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.AccountSchedule;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import io.recollect.support.TestFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Onboarding a portfolio with its history through {@code POST /api/imports}. */
class HistoryImportIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerService customerService;
    @Autowired
    AccountSchedule schedule;
    @Autowired
    JdbcTemplate jdbc;

    private String run;
    private LocalDate today;

    @BeforeEach
    void uniqueKeys() {
        run = TestFixtures.unique("H").substring(2);
        today = time.today();
    }

    private String customer(String ref) {
        return "{\"type\":\"customer\",\"externalRef\":\"" + key(ref) + "\",\"name\":\"Ada " + ref + "\",\"email\":\""
                + email(ref) + "\",\"segment\":\"SMALL_BUSINESS\",\"currency\":\"EUR\"}";
    }

    private String invoice(String number, String ref, int daysPastDue, String quantity, String unitPrice) {
        LocalDate due = today.minusDays(daysPastDue);
        return "{\"type\":\"invoice\",\"number\":\"" + key(number) + "\",\"customer\":\"" + key(ref)
                + "\",\"currency\":\"EUR\",\"issueDate\":\"" + due.minusDays(30) + "\",\"dueDate\":\"" + due
                + "\",\"lines\":[{\"description\":\"Consulting\",\"quantity\":\"" + quantity + "\",\"unitPrice\":\""
                + unitPrice + "\",\"taxRate\":\"0.20\"}]}";
    }

    private String payment(String id, String ref, String amount, String invoice, int daysAgo) {
        return "{\"type\":\"payment\",\"externalId\":\"" + key(id) + "\",\"payer\":\"" + key(ref) + "\",\"amount\":\""
                + amount + "\",\"currency\":\"EUR\",\"receivedOn\":\"" + today.minusDays(daysAgo)
                + "\",\"method\":\"BANK_TRANSFER\"" + (invoice == null ? "" : ",\"allocations\":[{\"invoiceNumber\":\""
                + key(invoice) + "\",\"amount\":\"" + amount + "\"}]") + "}";
    }

    private String key(String name) {
        return name + "-" + run;
    }

    private String email(String ref) {
        return ref.toLowerCase() + "-" + run.toLowerCase() + "@history.example";
    }

    private ResponseEntity<JsonNode> post(String user, String body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        return as(user).exchange("/api/imports" + query, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String body) {
        return post("integration", body, "");
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private CustomerView customerView(String ref) {
        return customerService.getByExternalRef(key(ref));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void historySendsNoInvoiceEmailAndTheNextRunDecidesTheImportedAccounts() {
        String file = lines(customer("UNPAID"), customer("PAID"), customer("NOTDUE"),
                invoice("U-1", "UNPAID", 40, "1", "100.00"),
                invoice("P-1", "PAID", 200, "2", "50.00"),
                invoice("N-1", "NOTDUE", -10, "1", "80.00"),
                payment("PAY-1", "PAID", "120.00", "P-1", 150));

        ResponseEntity<JsonNode> response = post(file);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = response.getBody();
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("linesRead").asInt()).isEqualTo(7);
        assertThat(report.path("customersCreated").asInt()).isEqualTo(3);
        assertThat(report.path("invoicesCreated").asInt()).isEqualTo(3);
        assertThat(report.path("paymentsCreated").asInt()).isEqualTo(1);
        assertThat(report.path("errors").asInt()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("invoice-to-cash")
                .processInstanceBusinessKey(key("U-1")).count()).isZero();
        assertThat(as("integration").getForObject("/api/invoices?number=" + key("P-1"), JsonNode.class)
                .path("status").asText()).isEqualTo("PAID");

        cases.settle();
        CustomerView unpaid = customerView("UNPAID");
        CustomerView paid = customerView("PAID");
        assertThat(count("select count(*) from communications where customer_id in (?, ?, ?)", unpaid.id(), paid.id(),
                customerView("NOTDUE").id())).isZero();
        Instant nextRun = Instant.parse("2026-03-03T06:00:00Z");
        assertThat(schedule.marks(unpaid.id()).decideAt()).isEqualTo(nextRun);
        assertThat(schedule.marks(paid.id()).decideAt()).isNull();
        assertThat(schedule.marks(customerView("NOTDUE").id()).decideAt())
                .isEqualTo(Instant.parse("2026-03-13T06:00:00Z"));

        time.travelTo(nextRun.plusSeconds(60));
        cases.runDaily();

        assertThat(Mailbox.dunning(mail, email("UNPAID"))).hasSize(1);
        assertThat(Mailbox.of(mail, email("PAID"))).isEmpty();
        assertThat(Mailbox.of(mail, email("NOTDUE"))).isEmpty();
        assertThat(Mailbox.of(mail, email("UNPAID"))).noneMatch(m -> m.subject().startsWith("Invoice "));
    }

    /**
     * Regression (issue 13, item 5): replaying back-dated invoices and, further down the file,
     * their payments sends no invoice email and no letter for paid history. On main there is no
     * import (404); the API's only path issues each invoice, which sends it and marks the account
     * to be decided within a minute, before its payment can follow.
     */
    @Test
    void replayingPaidHistorySendsNoInvoiceEmailAndNoLetter() {
        List<String> file = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            file.add(customer("R" + i));
            file.add(invoice("RI-" + i, "R" + i, 120 + i, "1", "250.00"));
        }
        for (int i = 0; i < 30; i++) {
            file.add(payment("RP-" + i, "R" + i, "300.00", i % 2 == 0 ? "RI-" + i : null, 100));
        }

        assertThat(post(String.join("\n", file)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        cases.settle();
        time.travelTo(Instant.parse("2026-03-03T06:01:00Z"));
        cases.runDaily();

        for (int i = 0; i < 30; i++) {
            assertThat(Mailbox.of(mail, email("R" + i))).as("mail to customer R%d", i).isEmpty();
        }
        assertThat(count("select count(*) from invoices where number like ? and status = 'PAID'", "RI-%-" + run))
                .isEqualTo(30);
    }

    @Test
    void theSameFileTwiceChangesNothing() {
        String file = lines(customer("TWICE"), invoice("T-1", "TWICE", 5, "1", "10.00"),
                invoice("T-2", "TWICE", 3, "3", "10.00"), payment("TP-1", "TWICE", "12.00", "T-1", 1),
                payment("TP-2", "TWICE", "5.00", null, 1));

        assertThat(post(file).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> again = post(file);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().path("unchanged").asInt()).isEqualTo(5);
        assertThat(again.getBody().path("customersCreated").asInt()).isZero();
        assertThat(again.getBody().path("invoicesCreated").asInt()).isZero();
        assertThat(again.getBody().path("paymentsCreated").asInt()).isZero();
        CustomerView customer = customerView("TWICE");
        assertThat(count("select count(*) from payments where customer_id = ?", customer.id())).isEqualTo(2);
        assertThat(as("integration").getForObject("/api/invoices?number=" + key("T-2"), JsonNode.class)
                .path("openAmount").path("amount").decimalValue()).isEqualByComparingTo("31.00");
    }

    @Test
    void anImportWhoseNodeStoppedHalfWayShowsInterruptedWithWhatWentInAndTheSameFileAgainFinishesIt() {
        List<String> records = new ArrayList<>();
        for (String ref : List.of("CUT-A", "CUT-B", "CUT-C", "CUT-D")) {
            records.add(customer(ref));
        }
        for (String ref : List.of("CUT-A", "CUT-B", "CUT-C", "CUT-D")) {
            records.add(invoice("I-" + ref, ref, 20, "1", "40.00"));
        }
        for (String ref : List.of("CUT-A", "CUT-B", "CUT-C", "CUT-D")) {
            records.add(payment("P-" + ref, ref, "48.00", "I-" + ref, 10));
        }
        // The node got as far as the first half of the file: its chunks committed, then it stopped
        // before it could mark the import finished.
        ResponseEntity<JsonNode> cut = post(lines(records.subList(0, 6).toArray(String[]::new)));
        String id = cut.getBody().path("id").asText();
        jdbc.update("update history_imports set status = 'RUNNING', finished_at = null where id = ?",
                java.util.UUID.fromString(id));

        time.advance(java.time.Duration.ofMinutes(4));
        assertThat(as("integration").getForObject("/api/imports/" + id, JsonNode.class).path("status").asText())
                .isEqualTo("RUNNING");
        time.advance(java.time.Duration.ofMinutes(2));
        JsonNode interrupted = as("integration").getForObject("/api/imports/" + id, JsonNode.class);
        assertThat(interrupted.path("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.path("customersCreated").asInt()).isEqualTo(4);
        assertThat(interrupted.path("invoicesCreated").asInt()).isEqualTo(2);
        assertThat(interrupted.path("note").asText()).contains("4 customer(s), 2 invoice(s) and 0 payment(s) created")
                .contains("Upload the same file again to finish it");
        // In the latest imports (on a shared database, rows of other runs may be newer) it reads the same.
        JsonNode recent = as("integration").getForObject("/api/imports", JsonNode.class);
        recent.forEach(listed -> {
            if (listed.path("id").asText().equals(id)) {
                assertThat(listed.path("status").asText()).isEqualTo("INTERRUPTED");
            }
        });
        assertThat(as("admin").getForObject("/finance", String.class)).contains("History imports");

        ResponseEntity<JsonNode> whole = post(lines(records.toArray(String[]::new)));

        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = whole.getBody();
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("linesRead").asInt()).isEqualTo(12);
        assertThat(report.path("unchanged").asInt()).isEqualTo(6);
        assertThat(report.path("customersCreated").asInt()).isZero();
        assertThat(report.path("invoicesCreated").asInt()).isEqualTo(2);
        assertThat(report.path("paymentsCreated").asInt()).isEqualTo(4);
        for (String ref : List.of("CUT-A", "CUT-B", "CUT-C", "CUT-D")) {
            CustomerView customer = customerView(ref);
            assertThat(count("select count(*) from invoices where customer_id = ?", customer.id())).isEqualTo(1);
            assertThat(count("select count(*) from payments where customer_id = ?", customer.id())).isEqualTo(1);
            assertThat(as("integration").getForObject("/api/invoices?number=" + key("I-" + ref), JsonNode.class)
                    .path("status").asText()).isEqualTo("PAID");
        }
    }

    @Test
    void aRecordThatDiffersFromTheImportedOneIsAnErrorNamingTheField() {
        assertThat(post(lines(customer("DIFF"), invoice("D-1", "DIFF", 5, "1", "10.00"),
                payment("DP-1", "DIFF", "12.00", "D-1", 1))).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> changed = post(lines(customer("DIFF").replace("Ada DIFF", "Bea DIFF"),
                invoice("D-1", "DIFF", 5, "2", "10.00"), payment("DP-1", "DIFF", "11.00", "D-1", 1)));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(changed.getBody().path("status").asText()).isEqualTo("REFUSED");
        JsonNode errors = changed.getBody().path("errorPage").path("items");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("name");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(errors.get(1).path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(errors.get(2).path("field").asText()).isEqualTo("amount");
        assertThat(errors.get(2).path("message").asText()).contains("differs from what Recollect holds for payment");
    }

    @Test
    void badLinesRefuseTheWholeFileByDefault() {
        String file = lines(customer("BAD"), invoice("B-1", "BAD", 5, "1", "10.00"),
                payment("BP-1", "BAD", "12.345", "B-1", 1),
                "{\"type\":\"refund\",\"externalId\":\"x\"}",
                invoice("B-2", "NOBODY", 5, "1", "10.00"),
                "{\"type\":\"customer\",\"externalRef\":\"" + key("BAD2") + "\",\"name\":\"X\",\"segment\":\"SMALL_BUSINESS\","
                        + "\"currency\":\"EUR\",\"email\":\"x@history.example\",\"colour\":\"red\"}",
                "not json");

        ResponseEntity<JsonNode> refused = post(file);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = refused.getBody().path("errorPage").path("items");
        assertThat(errors).extracting(e -> e.path("line").asInt() + ":" + e.path("field").asText())
                .containsExactly("3:amount", "4:type", "5:customer", "6:colour", "7:null");
        assertThat(errors.get(2).path("message").asText()).isEqualTo("no customer " + key("NOBODY")
                + " in this file or in Recollect");
        assertThat(count("select count(*) from customers where external_ref = ?", key("BAD"))).isZero();
        assertThat(refused.getBody().path("customersCreated").asInt()).isZero();
    }

    @Test
    void importRestTakesTheGoodLinesAndWhatDependsOnlyOnThem() {
        String file = lines(customer("REST"), invoice("RS-1", "REST", 5, "1", "10.00"),
                invoice("RS-2", "REST", 5, "-1", "10.00"),
                payment("RSP-1", "REST", "5.00", "RS-2", 1),
                payment("RSP-2", "REST", "5.00", "RS-1", 1));

        ResponseEntity<JsonNode> response = post("integration", file, "?onBadLines=IMPORT_REST");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = response.getBody();
        assertThat(body.path("invoicesCreated").asInt()).isEqualTo(1);
        assertThat(body.path("paymentsCreated").asInt()).isEqualTo(1);
        assertThat(body.path("errors").asInt()).isEqualTo(2);
        JsonNode errors = body.path("errorPage").path("items");
        assertThat(errors.get(0).path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(4);
        assertThat(errors.get(1).path("message").asText()).isEqualTo("invoice " + key("RS-2")
                + " is not imported: line 3 has errors");
        JsonNode progress = as("integration").getForObject("/api/imports/" + body.path("id").asText() + "?size=1",
                JsonNode.class);
        assertThat(progress.path("errorPage").path("total").asInt()).isEqualTo(2);
        assertThat(progress.path("errorPage").path("items")).hasSize(1);
    }

    @Test
    void csvFilesFromASpreadsheetWithAllocationsByInvoiceNumber() {
        String customers = "externalRef,name,email,language,segment,riskBand,currency,phone\n"
                + key("CSV") + ",Ada Csv," + email("CSV") + ",en,SMALL_BUSINESS,B,EUR,\n";
        String invoices = "number,customer,currency,issueDate,dueDate,description,quantity,unitPrice,taxRate,serviceCode\n"
                + key("C-1") + "," + key("CSV") + ",EUR,2026-01-01,2026-01-31,Consulting,2,100.00,0.20,\n"
                + key("C-1") + "," + key("CSV") + ",EUR,2026-01-01,2026-01-31,Travel,1,30.00,0,\n"
                + key("C-2") + "," + key("CSV") + ",EUR,2026-01-05,2026-02-04,Support,abc,10.00,0,\n";
        String payments = "externalId,payer,amount,currency,receivedOn,method,reference,invoiceNumber,allocatedAmount\n"
                + key("CP-1") + "," + key("CSV") + ",270.00,EUR,2026-02-01,BANK_TRANSFER,," + key("C-1") + ",200.00\n"
                + key("CP-1") + "," + key("CSV") + ",270.00,EUR,2026-02-01,BANK_TRANSFER,," + key("C-1") + ",70.00\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("customers", file("customers.csv", customers));
        parts.add("invoices", file("invoices.csv", invoices));
        parts.add("payments", file("payments.csv", payments));
        parts.add("onBadLines", "IMPORT_REST");

        ResponseEntity<JsonNode> response = as("integration").postForEntity("/api/imports", parts, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = response.getBody();
        assertThat(body.path("format").asText()).isEqualTo("CSV");
        assertThat(body.path("invoicesCreated").asInt()).isEqualTo(1);
        JsonNode error = body.path("errorPage").path("items").get(0);
        assertThat(error.path("file").asText()).isEqualTo("invoices");
        assertThat(error.path("line").asInt()).isEqualTo(4);
        assertThat(error.path("field").asText()).isEqualTo("quantity");
        JsonNode invoice = as("integration").getForObject("/api/invoices?number=" + key("C-1"), JsonNode.class);
        assertThat(invoice.path("total").path("amount").decimalValue()).isEqualByComparingTo("270.00");
        assertThat(invoice.path("openAmount").path("amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(invoice.path("lines")).hasSize(2);
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    @Test
    void importedInvoicesSettleReopenAndWriteOffWithoutAProcessOfTheirOwn() {
        assertThat(post(lines(customer("LIFE"), invoice("L-1", "LIFE", 20, "1", "100.00"),
                invoice("L-2", "LIFE", 25, "1", "50.00"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CustomerView customer = customerView("LIFE");

        ResponseEntity<JsonNode> paid = as("integration").postForEntity("/api/payments", java.util.Map.of(
                "externalId", key("LP-1"), "customerId", customer.id(), "amount", "120.00", "currency", "EUR",
                "receivedOn", today.toString(), "method", "BANK_TRANSFER",
                "allocations", List.of(java.util.Map.of("invoiceNumber", key("L-1"), "amount", "120.00"))), JsonNode.class);
        cases.settle();
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(status("L-1")).isEqualTo("PAID");

        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example",
                List.of(io.recollect.security.Roles.FINANCE));
        ResponseEntity<JsonNode> reversed = as("fiona").postForEntity("/api/payments/" + paid.getBody().path("id").asText()
                + "/reversal", java.util.Map.of("reason", "bounced"), JsonNode.class);
        cases.settle();
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status("L-1")).isEqualTo("ISSUED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("invoice-to-cash")
                .processInstanceBusinessKey(key("L-1")).count()).isEqualTo(1);

        UUIDs ids = new UUIDs(as("integration").getForObject("/api/invoices?number=" + key("L-2"), JsonNode.class));
        assertThat(invoiceService.writeOff(ids.id(), io.recollect.shared.Money.of(new java.math.BigDecimal("60.00"),
                java.util.Currency.getInstance("EUR"))).amount()).isEqualByComparingTo("60.00");
        cases.settle();
        assertThat(status("L-2")).isEqualTo("WRITTEN_OFF");
    }

    @Autowired
    io.recollect.invoicing.InvoiceService invoiceService;

    private record UUIDs(JsonNode invoice) {
        java.util.UUID id() {
            return java.util.UUID.fromString(invoice.path("id").asText());
        }
    }

    private String status(String number) {
        return as("integration").getForObject("/api/invoices?number=" + key(number), JsonNode.class).path("status").asText();
    }

    @Test
    void collectorsCannotImport() {
        ResponseEntity<JsonNode> collector = post("collector", lines(customer("ROLE")), "");
        ResponseEntity<JsonNode> admin = post("admin", lines(customer("ROLE")), "");

        assertThat(collector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("collector").getForEntity("/api/imports/" + admin.getBody().path("id").asText(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
