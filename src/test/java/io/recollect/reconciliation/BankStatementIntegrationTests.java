package io.recollect.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceStatus;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Finance uploads the morning's statement: references match on their own, the rest waits in Tasklist. */
class BankStatementIntegrationTests extends IntegrationTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    CustomerService customers;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementImports statementImports;

    @BeforeEach
    void finance() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("fiona", PASSWORD, "Fiona", "Finance", "fiona@test.example", List.of(Roles.FINANCE));
    }

    @Test
    void camt053LinesAreRecordedSuggestedOrLeftToFinanceAndTheSameFileTwiceChangesNothing() {
        CustomerView ada = customer("Ada Lovelace " + TestFixtures.unique("X"));
        CustomerView alan = customer("Alan Turing " + TestFixtures.unique("X"));
        InvoiceView byReference = fixtures.overdueInvoice(ada, unusualAmount(), 5, time.today());
        String suggestedAmount = unusualAmount();
        InvoiceView bySuggestion = fixtures.overdueInvoice(alan, suggestedAmount, 5, time.today());
        String id = TestFixtures.unique("L");
        String xml = camt053("EUR",
                entry(id + "-1", byReference.total().amount().toPlainString(), "EUR", "CRDT", "Ada L.", null,
                        "<Strd><CdtrRefInf><Ref>" + byReference.paymentReference() + "</Ref></CdtrRefInf></Strd>"),
                entry(id + "-2", suggestedAmount, "EUR", "CRDT", alan.name(), "DE89370400440532013000",
                        "<Ustrd>thanks</Ustrd>"),
                entry(id + "-3", unusualAmount(), "EUR", "CRDT", "Nobody Known", null, "<Ustrd>?</Ustrd>"),
                entry(id + "-4", "15.00", "EUR", "DBIT", "Bank fee", null, "<Ustrd>fee</Ustrd>"));

        ResponseEntity<JsonNode> first = upload(xml, "statement.xml", Map.of());
        cases.settle();

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = first.getBody();
        assertThat(report.get("format").asText()).isEqualTo("CAMT053");
        assertThat(report.get("recorded").asInt()).isEqualTo(1);
        assertThat(report.get("suggested").asInt()).isEqualTo(1);
        assertThat(report.get("exceptions").asInt()).isEqualTo(1);
        assertThat(invoices.get(byReference.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(bySuggestion.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(report.at("/results/1/invoiceNumber").asText()).isEqualTo(bySuggestion.number());

        Task suggestion = tasks.createTaskQuery().taskId(report.at("/results/1/taskId").asText()).singleResult();
        assertThat(suggestion.getDescription()).contains(bySuggestion.number()).contains("payer name matches");
        assertThat(tasks.createTaskQuery().taskCandidateGroup(Roles.FINANCE)
                .taskId(report.at("/results/2/taskId").asText()).count()).isEqualTo(1);
        long financeTasks = tasks.createTaskQuery().taskCandidateGroup(Roles.FINANCE).count();

        ResponseEntity<JsonNode> again = upload(xml, "statement.xml", Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().get("alreadyImported").asInt()).isEqualTo(3);
        assertThat(again.getBody().get("recorded").asInt()).isZero();
        assertThat(tasks.createTaskQuery().taskCandidateGroup(Roles.FINANCE).count()).isEqualTo(financeTasks);
        assertThat(jdbc.queryForObject("select count(*) from payments where external_id like ?", Integer.class,
                "bank:" + id + "%")).isEqualTo(1);

        // Finance confirms the suggestion: the payment is recorded and the task done.
        ResponseEntity<JsonNode> confirmed = as("fiona").postForEntity("/api/bank-statements/lines/" + id + "-2/match",
                Map.of("invoiceNumber", bySuggestion.number()), JsonNode.class);
        cases.settle();
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(invoices.get(bySuggestion.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(tasks.createTaskQuery().taskId(suggestion.getId()).count()).isZero();
    }

    @Test
    void csvWithItsOwnColumnsImportsTheGoodLinesOrNoneAsTheUploaderChooses() {
        CustomerView grace = customer("Grace " + TestFixtures.unique("X"));
        InvoiceView invoice = fixtures.overdueInvoice(grace, unusualAmount(), 2, time.today());
        String id = TestFixtures.unique("C");
        String csv = "Id;Booked;Sum;Ccy;Text;Payer\n"
                + id + "-1;" + time.today() + ";" + invoice.total().amount().toPlainString() + ";EUR;Invoice "
                + invoice.number() + ";Grace\n"
                + id + "-2;yesterday;10.00;EUR;x;y\n";
        Map<String, String> columns = Map.of("delimiter", ";", "lineIdColumn", "Id", "bookedOnColumn", "Booked",
                "amountColumn", "Sum", "currencyColumn", "Ccy", "referenceColumn", "Text", "payerNameColumn", "Payer");

        ResponseEntity<JsonNode> refused = upload(csv, "export.csv", columns);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("refused").asBoolean()).isTrue();
        assertThat(refused.getBody().at("/badLines/0/line").asInt()).isEqualTo(3);
        assertThat(refused.getBody().at("/badLines/0/message").asText()).contains("yesterday");
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(linesRecorded(id)).isZero();

        Map<String, String> importRest = new java.util.HashMap<>(columns);
        importRest.put("onBadLines", "IMPORT_REST");
        ResponseEntity<JsonNode> imported = upload(csv, "export.csv", importRest);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("recorded").asInt()).isEqualTo(1);
        assertThat(imported.getBody().get("badLines")).hasSize(1);
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void malformedFilesAreRefusedWithClearMessagesAndNothingRecorded() {
        String id = TestFixtures.unique("M");
        assertRefused(upload("<Document><Stmt>", "broken.xml", Map.of()), "statement-not-xml", "not well-formed XML");
        assertRefused(upload("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>", "pain.xml", Map.of()),
                "statement-wrong-schema", "pain.001.001.09");
        assertRefused(upload(camt053("EUR", entry(id + "-1", "10.00", "USD", "CRDT", "A", null, "<Ustrd>x</Ustrd>")),
                "usd.xml", Map.of()), "statement-wrong-currency", "USD");
        assertRefused(upload(camt053("EUR", entry(id + "-2", "10.00", "EUR", "CRDT", "A", null, "<Ustrd>x</Ustrd>"),
                entry(id + "-2", "11.00", "EUR", "CRDT", "B", null, "<Ustrd>y</Ustrd>")), "twice.xml", Map.of()),
                "statement-duplicate-line-ids", id + "-2");
        assertThat(linesRecorded(id)).isZero();
    }

    @Test
    void laterLinesOfAStatementSeeWhatItsEarlierLinesPaid() {
        CustomerView grace = customer("Grace Brewster " + TestFixtures.unique("X"));
        String rest = unusualAmount();
        InvoiceView invoice = fixtures.overdueInvoice(grace, new java.math.BigDecimal(rest).add(
                new java.math.BigDecimal("100.00")).toPlainString(), 5, time.today());
        String id = TestFixtures.unique("S");
        String reference = "<Strd><CdtrRefInf><Ref>" + invoice.paymentReference() + "</Ref></CdtrRefInf></Strd>";
        String xml = camt053("EUR",
                entry(id + "-1", "100.00", "EUR", "CRDT", "Grace", null, reference),
                // what is left open is this line's amount only after the first line's payment
                entry(id + "-2", rest, "EUR", "CRDT", grace.name(), null, "<Ustrd>thanks</Ustrd>"),
                entry(id + "-3", rest, "EUR", "CRDT", "Grace", null, reference),
                entry(id + "-4", "25.00", "EUR", "CRDT", "Grace", null, reference));

        ResponseEntity<JsonNode> response = upload(xml, "statement.xml", Map.of());
        cases.settle();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode report = response.getBody();
        assertThat(report.at("/results/0/outcome").asText()).isEqualTo("RECORDED");
        assertThat(report.at("/results/1/outcome").asText()).isEqualTo("SUGGESTED");
        assertThat(report.at("/results/1/invoiceNumber").asText()).isEqualTo(invoice.number());
        assertThat(report.at("/results/2/outcome").asText()).isEqualTo("RECORDED");
        // the invoice is paid by then: the last line's money stays as credit
        assertThat(report.at("/results/3/outcome").asText()).isEqualTo("RECORDED");
        assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(jdbc.queryForObject("select sum(unapplied_amount) from payments where external_id like ?",
                java.math.BigDecimal.class, "bank:" + id + "-%")).isEqualByComparingTo("25.00");
    }

    @Test
    void aStatementCutOffHalfWayAndThenSentWholeTakesEveryLineOnce() {
        CustomerView ada = customer("Ada Byron " + TestFixtures.unique("X"));
        String id = TestFixtures.unique("H");
        List<InvoiceView> owed = new java.util.ArrayList<>();
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            InvoiceView invoice = fixtures.overdueInvoice(ada, unusualAmount(), 5, time.today());
            owed.add(invoice);
            entries.add(entry(id + "-" + i, invoice.total().amount().toPlainString(), "EUR", "CRDT", "Ada", null,
                    "<Strd><CdtrRefInf><Ref>" + invoice.paymentReference() + "</Ref></CdtrRefInf></Strd>"));
        }

        ResponseEntity<JsonNode> half = upload(camt053("EUR", entries.subList(0, 3).toArray(String[]::new)),
                "cut.xml", Map.of());
        ResponseEntity<JsonNode> whole = upload(camt053("EUR", entries.toArray(String[]::new)), "whole.xml", Map.of());
        cases.settle();

        assertThat(half.getBody().get("recorded").asInt()).isEqualTo(3);
        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(whole.getBody().get("alreadyImported").asInt()).isEqualTo(3);
        assertThat(whole.getBody().get("recorded").asInt()).isEqualTo(3);
        assertThat(whole.getBody().get("exceptions").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from payments where external_id like ?", Integer.class,
                "bank:" + id + "-%")).isEqualTo(6);
        assertThat(linesRecorded(id + "-")).isEqualTo(6);
        assertThat(owed).allSatisfy(invoice -> assertThat(invoices.get(invoice.id()).status())
                .isEqualTo(InvoiceStatus.PAID));
    }

    @Test
    void anUploadWhoseNodeStoppedShowsInterruptedAndTheSameFileAgainImportsIt() {
        CustomerView alan = customer("Alan Mathison " + TestFixtures.unique("X"));
        InvoiceView first = fixtures.overdueInvoice(alan, unusualAmount(), 5, time.today());
        InvoiceView second = fixtures.overdueInvoice(alan, unusualAmount(), 5, time.today());
        String id = TestFixtures.unique("N");
        String xml = camt053("EUR",
                entry(id + "-1", first.total().amount().toPlainString(), "EUR", "CRDT", "Alan", null,
                        "<Ustrd>Invoice " + first.number() + "</Ustrd>"),
                entry(id + "-2", second.total().amount().toPlainString(), "EUR", "CRDT", "Alan", null,
                        "<Ustrd>Invoice " + second.number() + "</Ustrd>"),
                entry(id + "-3", unusualAmount(), "EUR", "CRDT", "Nobody Known", null, "<Ustrd>?</Ustrd>"));
        // What a node writes before it stops mid-file: the upload started, its 3 lines read, 2 done, then nothing.
        UUID stopped = UUID.randomUUID();
        statementImports.started(stopped, "morning.xml", "fiona");
        statementImports.read(stopped, 3);
        statementImports.processed(stopped, 2);

        time.advance(Duration.ofMinutes(4));
        assertThat(progress(stopped).get("status").asText()).isEqualTo("RUNNING");

        time.advance(Duration.ofMinutes(2));
        JsonNode interrupted = progress(stopped);
        assertThat(interrupted.get("status").asText()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("linesProcessed").asInt()).isEqualTo(2);
        assertThat(interrupted.get("message").asText()).contains("after 2 of 3 lines").contains("Nothing of it was"
                + " recorded").contains("upload the same file again to import it");
        // The list is the latest uploads, newest first; whatever else the shared database holds, this one reads as interrupted there too.
        JsonNode recent = as("fiona").getForObject("/api/bank-statements/uploads", JsonNode.class);
        List<JsonNode> listed = java.util.stream.StreamSupport.stream(recent.spliterator(), false).toList();
        assertThat(listed).hasSizeLessThanOrEqualTo(10);
        assertThat(listed.stream().map(u -> java.time.Instant.parse(u.get("startedAt").asText())).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        listed.stream().filter(u -> u.get("id").asText().equals(stopped.toString()))
                .forEach(u -> assertThat(u.get("status").asText()).isEqualTo("INTERRUPTED"));
        assertThat(as("fiona").getForObject("/finance?upload=" + stopped, String.class))
                .contains("data-status=\"INTERRUPTED\"").contains("after 2 of 3 lines")
                .contains("upload the same file again to import it");

        ResponseEntity<JsonNode> again = upload(xml, "morning.xml", Map.of());
        cases.settle();

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().get("recorded").asInt()).isEqualTo(2);
        assertThat(again.getBody().get("exceptions").asInt()).isEqualTo(1);
        assertThat(again.getBody().get("alreadyImported").asInt()).isZero();
        assertThat(invoices.get(first.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(second.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(jdbc.queryForObject("select count(*) from payments where external_id like ?", Integer.class,
                "bank:" + id + "-%")).isEqualTo(2);
    }

    @Test
    void anUploadWaitingBehindAnotherOnItsNodeIsNotCalledInterrupted() {
        // A node imports one upload at a time: the second waits, unread, while the first moves.
        UUID busy = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        statementImports.started(busy, "first.xml", "fiona");
        statementImports.started(waiting, "second.xml", "fiona");
        statementImports.read(busy, 10_000);
        for (int minute = 1; minute <= 7; minute++) {
            time.advance(Duration.ofMinutes(1));
            statementImports.processed(busy, minute * 100);
        }
        try {
            assertThat(progress(waiting).get("status").asText()).isEqualTo("RUNNING");

            // Then neither moves: the node is gone, and both are interrupted.
            time.advance(Duration.ofMinutes(6));
            assertThat(progress(busy).get("status").asText()).isEqualTo("INTERRUPTED");
            JsonNode unread = progress(waiting);
            assertThat(unread.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(unread.get("message").asText()).contains("before its lines were read")
                    .contains("upload the same file again to import it");
        } finally {
            // leave no row that moves for the other tests' leases
            statementImports.ended(busy, ImportProgress.Status.FAILED, "test over");
            statementImports.ended(waiting, ImportProgress.Status.FAILED, "test over");
        }
    }

    private JsonNode progress(UUID upload) {
        ResponseEntity<JsonNode> response = as("fiona").getForEntity("/api/bank-statements/uploads/" + upload,
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void onlyFinanceUploadsStatements() {
        String xml = camt053("EUR", entry(TestFixtures.unique("R"), "10.00", "EUR", "CRDT", "A", null, "<Ustrd>x</Ustrd>"));
        assertThat(upload("collector", xml, "s.xml", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("integration", xml, "s.xml", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void assertRefused(ResponseEntity<JsonNode> response, String type, String says) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("type").asText()).endsWith(type);
        assertThat(response.getBody().get("detail").asText()).contains(says);
    }

    private int linesRecorded(String idPrefix) {
        return jdbc.queryForObject("select count(*) from bank_statement_lines where line_id like ?", Integer.class,
                idPrefix + "%");
    }

    private CustomerView customer(String name) {
        String ref = TestFixtures.unique("CUST");
        return customers.register(new NewCustomer(ref, name, ref.toLowerCase() + "@customer.example", "en",
                Segment.SMALL_BUSINESS, RiskBand.B, "EUR"));
    }

    /** An amount no other test's invoice is likely to have open. */
    private static String unusualAmount() {
        return ThreadLocalRandom.current().nextInt(10_000, 99_999) + "." + ThreadLocalRandom.current().nextInt(10, 99);
    }

    private ResponseEntity<JsonNode> upload(String content, String name, Map<String, String> params) {
        return upload("fiona", content, name, params);
    }

    private ResponseEntity<JsonNode> upload(String user, String content, String name, Map<String, String> params) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        params.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/bank-statements", new HttpEntity<>(body, headers), JsonNode.class);
    }

    static String camt053(String accountCurrency, String... entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T06:00:00Z</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-1</Id>
                      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>%s</Ccy></Acct>
                      %s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(accountCurrency, String.join("\n", entries));
    }

    static String entry(String ref, String amount, String currency, String direction, String payer, String iban,
            String remittance) {
        return """
                <Ntry>
                  <NtryRef>%s</NtryRef>
                  <Amt Ccy="%s">%s</Amt>
                  <CdtDbtInd>%s</CdtDbtInd>
                  <Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2026-03-02</Dt></BookgDt>
                  <NtryDtls><TxDtls>
                    <Refs><EndToEndId>E2E-%s</EndToEndId></Refs>
                    <RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr>%s</RltdPties>
                    <RmtInf>%s</RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>
                """.formatted(ref, currency, amount, direction, ref, payer,
                iban == null ? "" : "<DbtrAcct><Id><IBAN>" + iban + "</IBAN></Id></DbtrAcct>", remittance);
    }
}
