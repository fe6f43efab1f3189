package io.recollect.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends malformed requests, generated from a fixed seed, to every write endpoint of the API:
 * each one must be refused with a 4xx (never a 5xx) and leave the database and the engine as
 * they were. Every mutation below makes an otherwise valid request invalid.
 */
class WriteEndpointFuzzIntegrationTests extends IntegrationTest {

    private static final long SEED = 20261201L;
    private static final int REQUESTS = 540;
    private static final List<String> TABLES = List.of("customers", "invoices", "invoice_lines", "payments",
            "payment_allocations", "collection_cases", "communications", "decision_records", "event_publication",
            "credit_notes", "promises", "disputes", "dunning_pauses", "case_events");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;

    private final Random random = new Random(SEED);

    @Test
    void refusesEveryMalformedWriteWithoutAServerErrorOrAChange() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.overdueInvoice(customer, "150.00", 5, time.today());
        cases.settle();
        List<Endpoint> endpoints = endpoints(customer, invoice);
        Map<String, Object> before = state();

        List<String> serverErrors = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            Request request = endpoint.malformed(random);
            ResponseEntity<String> response = as("integration").exchange(request.path(), endpoint.method(),
                    new HttpEntity<>(request.body(), request.headers()), String.class);
            statuses.merge(response.getStatusCode().value(), 1, Integer::sum);
            if (response.getStatusCode().value() >= 500 || !response.getStatusCode().is4xxClientError()) {
                serverErrors.add(endpoint.method() + " " + request.path() + " " + request.describe() + " -> "
                        + response.getStatusCode().value() + " " + response.getBody());
            }
        }
        cases.settle();

        assertThat(serverErrors).as("requests not refused with a 4xx (statuses: %s)", statuses).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        TABLES.forEach(table -> state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        state.put("hardship", jdbc.queryForObject("select count(*) from customers where hardship = true", Long.class));
        state.put("invoice statuses", jdbc.queryForList("select status, count(*) as n, sum(open_amount) as open"
                + " from invoices group by status order by status").toString());
        state.put("process instances", history.createHistoricProcessInstanceQuery().count());
        state.put("tasks", tasks.createTaskQuery().count());
        return state;
    }

    // ---- the endpoints, each with a valid body to spoil ----

    private List<Endpoint> endpoints(CustomerView customer, InvoiceView invoice) {
        String today = time.today().toString();
        String c = "/api/customers/" + customer.id();
        String inv = "/api/invoices/" + invoice.id();
        Body newCustomer = new Body()
                .text("externalRef", "FUZZ-1", true).text("name", "Fuzz", true).text("email", "f@fuzz.example", true)
                .field("language", Kind.LANGUAGE, q("en"), false).field("segment", Kind.ENUM, q("CONSUMER"), true)
                .field("riskBand", Kind.ENUM, q("B"), false).field("currency", Kind.CURRENCY, q("EUR"), true);
        Body line = new Body().text("serviceCode", "99213", false).text("description", "Visit", true)
                .field("quantity", Kind.AMOUNT, "1", true).field("unitPrice", Kind.AMOUNT, "10.00", true)
                .field("taxRate", Kind.AMOUNT, "0", true);
        Body newInvoice = new Body().text("number", "FUZZ-INV-1", true)
                .field("customerId", Kind.UUID, q(customer.id().toString()), true)
                .field("currency", Kind.CURRENCY, q("EUR"), true).field("issueDate", Kind.DATE, q(today), true)
                .field("dueDate", Kind.DATE, q(time.today().plusDays(30).toString()), true)
                .list("lines", line, true);
        Body allocation = new Body().text("invoiceNumber", invoice.number(), true)
                .field("amount", Kind.AMOUNT, "10.00", true);
        Body newPayment = new Body().text("externalId", "FUZZ-PAY-1", true)
                .field("customerId", Kind.UUID, q(customer.id().toString()), true)
                .field("amount", Kind.AMOUNT, "10.00", true).field("currency", Kind.CURRENCY, q("EUR"), true)
                .field("receivedOn", Kind.DATE, q(today), true).text("method", "BANK_TRANSFER", true)
                .text("reference", "Ref 1", false).list("allocations", allocation, false);
        Body hardship = new Body().field("hardship", Kind.BOOLEAN, "true", true).text("note", "Lost job", false);
        Body promise = new Body().field("promisedDate", Kind.DATE, q(time.today().plusDays(7).toString()), true)
                .field("amount", Kind.AMOUNT, "50.00", true);
        Body dispute = new Body().text("reason", "Never delivered", true);
        Body pause = new Body().text("reason", "Holiday", true)
                .field("until", Kind.DATE, q(time.today().plusDays(10).toString()), true);
        return List.of(
                new Endpoint(HttpMethod.POST, "/api/customers", null, newCustomer),
                new Endpoint(HttpMethod.PUT, c + "/hardship", id -> "/api/customers/" + id + "/hardship", hardship),
                new Endpoint(HttpMethod.POST, "/api/invoices", null, newInvoice),
                new Endpoint(HttpMethod.POST, "/api/invoices?issue=true", null, newInvoice),
                // the invoice is issued already: issuing it again is refused, as are unknown and broken ids
                new Endpoint(HttpMethod.POST, inv + "/issue", id -> "/api/invoices/" + id + "/issue", null),
                new Endpoint(HttpMethod.POST, "/api/payments", null, newPayment),
                new Endpoint(HttpMethod.POST, c + "/promises", id -> "/api/customers/" + id + "/promises", promise),
                new Endpoint(HttpMethod.POST, inv + "/disputes", id -> "/api/invoices/" + id + "/disputes", dispute),
                new Endpoint(HttpMethod.PUT, c + "/dunning-pause", id -> "/api/customers/" + id + "/dunning-pause", pause),
                new Endpoint(HttpMethod.PUT, inv + "/dunning-pause", id -> "/api/invoices/" + id + "/dunning-pause", pause),
                // nothing is paused: resuming is refused
                new Endpoint(HttpMethod.DELETE, c + "/dunning-pause", id -> "/api/customers/" + id + "/dunning-pause", null),
                new Endpoint(HttpMethod.DELETE, inv + "/dunning-pause", id -> "/api/invoices/" + id + "/dunning-pause", null));
    }

    enum Kind { TEXT, LANGUAGE, ENUM, CURRENCY, UUID, DATE, AMOUNT, BOOLEAN, LIST }

    private static final Map<Kind, List<String>> INVALID = Map.of(
            Kind.TEXT, List.of("123", "12.5", "true", "{}", "[\"x\"]", q("a\\u0000b"), q("bell\\u0007"),
                    q("esc\\u001b[0m"), q("\\ud800"), q("x".repeat(10_001))),
            Kind.LANGUAGE, List.of(q("english"), q("EN"), "1", "true"),
            Kind.ENUM, List.of(q("consumer"), q("GOLD"), "0", "1", "true", "{}", q("")),
            Kind.CURRENCY, List.of(q("XXX"), q("XAU"), q("XTS"), q("XDR"), q("ZZZ"), q("eur"), q("EURO"), "978",
                    q("E\\u0000R")),
            Kind.UUID, List.of(q("not-a-uuid"), "123", q(UUID.randomUUID().toString()), "true", "{}", q("")),
            Kind.DATE, List.of("20261201", q("2026-02-30"), q("2026-13-01"), q("1899-12-31"), q("2200-01-01"),
                    q("+57443-01-01"), q("yesterday"), q("2026-03-02T00:00:00"), q("02.03.2026"), "true", "{}"),
            Kind.AMOUNT, List.of("-1", "0", "1.23456", "1e30", "1" + "0".repeat(40), q("abc"), q("1,50"), "true",
                    "{}", "[1]", q("")),
            Kind.BOOLEAN, List.of(q("true"), "1", "0", q("yes"), "{}", "[true]"),
            Kind.LIST, List.of(q("x"), "{}", "[null]", "[1]", "[[]]"));

    private static final List<String> NOT_JSON = List.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":",
            "{\"a\" 1}", "{'a': 1}", "{\"a\":1,}", "[[[[[[[[[[", "[".repeat(2000) + "]".repeat(2000),
            "{\"amount\": " + "9".repeat(2000) + "}");

    private static String q(String content) {
        return "\"" + content + "\"";
    }

    private record Field(String name, Kind kind, String json, boolean required, Body items) {
    }

    /** A valid JSON object as ordered members, written by hand so that a mutation may repeat a key. */
    private static final class Body {

        private final List<Field> fields = new ArrayList<>();

        Body field(String name, Kind kind, String json, boolean required) {
            fields.add(new Field(name, kind, json, required, null));
            return this;
        }

        Body text(String name, String value, boolean required) {
            return field(name, Kind.TEXT, q(value), required);
        }

        Body list(String name, Body item, boolean required) {
            fields.add(new Field(name, Kind.LIST, null, required, item));
            return this;
        }

        String json() {
            return write(fields);
        }

        /** The body with one member spoiled, here or in its list's item; describes what was done. */
        String[] spoiled(Random random) {
            int index = random.nextInt(fields.size());
            Field target = fields.get(index);
            if (target.items() != null && random.nextBoolean()) {
                String[] inner = target.items().spoiled(random);
                List<Field> copy = new ArrayList<>(fields);
                copy.set(index, new Field(target.name(), Kind.LIST, "[" + inner[0] + "]", target.required(), null));
                return new String[] {write(copy), target.name() + "[0]." + inner[1]};
            }
            List<String> options = new ArrayList<>(INVALID.get(target.kind()));
            if (target.required()) {
                options.add("null");
                options.add(null);
                if (target.kind() == Kind.TEXT) {
                    options.add(q("   "));
                }
                if (target.kind() == Kind.LIST) {
                    options.add("[]");
                }
            }
            options.add("duplicate");
            String choice = options.get(random.nextInt(options.size()));
            List<Field> copy = new ArrayList<>(fields);
            if (choice == null) {
                copy.remove(index);
                return new String[] {write(copy), target.name() + " missing"};
            }
            if (choice.equals("duplicate")) {
                copy.add(random.nextInt(copy.size() + 1), target);
                return new String[] {write(copy), target.name() + " twice"};
            }
            copy.set(index, new Field(target.name(), target.kind(), choice, target.required(), null));
            return new String[] {write(copy), target.name() + "=" + abbreviate(choice)};
        }

        private static String write(List<Field> fields) {
            StringBuilder json = new StringBuilder("{");
            for (Field field : fields) {
                json.append(json.length() > 1 ? ", " : "").append(q(field.name())).append(": ")
                        .append(field.items() == null ? field.json() : "[" + field.items().json() + "]");
            }
            return json.append('}').toString();
        }
    }

    private record Request(String path, Object body, HttpHeaders headers, String describe) {
    }

    /** A write endpoint; pathWithId (if any) rebuilds its path for another id; body null: it takes none. */
    private record Endpoint(HttpMethod method, String path, Function<String, String> pathWithId, Body body) {

        Request malformed(Random random) {
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            int pick = random.nextInt(10);
            if (pathWithId != null && (body == null || pick == 0)) {
                String id = random.nextBoolean() ? UUID.randomUUID().toString() : "not-a-uuid";
                String valid = body == null ? null : body.json();
                return new Request(pathWithId.apply(id), valid, json, "id " + id);
            }
            if (body == null) {
                // no id to spoil left: an issued invoice issued again, a pause that is not there resumed
                return new Request(path, null, json, "as it is");
            }
            if (pick == 1) {
                HttpHeaders text = new HttpHeaders();
                text.setContentType(MediaType.TEXT_PLAIN);
                return new Request(path, body.json(), text, "as text/plain");
            }
            if (pick == 2) {
                String raw = NOT_JSON.get(random.nextInt(NOT_JSON.size()));
                return new Request(path, raw, json, "body " + abbreviate(raw));
            }
            if (pick == 3) {
                String valid = body.json();
                String broken = random.nextBoolean() ? valid.substring(0, random.nextInt(valid.length() - 1))
                        : valid + List.of("}", "x", " {\"a\":1}", ",").get(random.nextInt(4));
                return new Request(path, broken, json, "broken " + abbreviate(broken));
            }
            if (pick == 4) {
                byte[] bytes = body.json().getBytes(StandardCharsets.UTF_8);
                bytes[1 + random.nextInt(bytes.length - 2)] = (byte) (0x80 + random.nextInt(0x40));
                return new Request(path, bytes, json, "invalid UTF-8");
            }
            String[] spoiled = body.spoiled(random);
            return new Request(path, spoiled[0], json, spoiled[1]);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
