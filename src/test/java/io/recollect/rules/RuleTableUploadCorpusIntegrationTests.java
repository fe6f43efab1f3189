package io.recollect.rules;

import static io.recollect.support.RuleTables.activeId;
import static io.recollect.support.RuleTables.cell;
import static io.recollect.support.RuleTables.edited;
import static io.recollect.support.RuleTables.row;
import static io.recollect.support.RuleTables.shipped;
import static io.recollect.support.RuleTables.EXAMPLE_HEADERS;
import static io.recollect.support.RuleTables.upload;
import static io.recollect.support.RuleTables.withExamples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.support.IntegrationTest;
import io.recollect.support.RuleTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Broken uploads, each made the way it happens (Apache POI editing the shipped workbook as a
 * spreadsheet program would, or a wrong file picked): every one is refused or rejected with a
 * message of its own that points at the cell, and none changes which version is active.
 */
class RuleTableUploadCorpusIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A broken upload and a fragment its first message must contain. */
    private record Broken(String name, byte[] content, int status, String expected) {
    }

    @Test
    void everyBrokenUploadIsRefusedOrRejectedWithItsOwnMessageAndNothingActivated() {
        UUID active = activeId(as("manager"));
        int activeVersions = activeCount();
        Map<String, String> messages = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Broken broken : corpus()) {
            ResponseEntity<JsonNode> response = upload(as("manager"), broken.name() + ".xlsx", broken.content(), broken.name());
            JsonNode body = response.getBody();
            String message = body.path("errors").isArray() && !body.path("errors").isEmpty()
                    ? first(body.path("errors").get(0)) : body.path("detail").asText();
            if (response.getStatusCode().value() != broken.status() || !message.contains(broken.expected())) {
                failures.add(broken.name() + ": " + response.getStatusCode().value() + " " + message);
            }
            if (body.has("versionId")) {
                assertThat(as("manager").getForObject(RuleTables.PATH + "/versions/" + body.path("versionId").asText(),
                        JsonNode.class).path("status").asText()).isEqualTo("REJECTED");
                assertThat(activate(body.path("versionId").asText())).as(broken.name()).isEqualTo(409);
            }
            String other = messages.put(message, broken.name());
            if (other != null) {
                failures.add(broken.name() + " has the same message as " + other + ": " + message);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(30);
        assertThat(activeId(as("manager"))).isEqualTo(active);
        assertThat(activeCount()).isEqualTo(activeVersions);
    }

    /** A rejected version is never activated, even by a manager other than its uploader. */
    private int activate(String versionId) {
        ensureSecondManager();
        return as("manager2").postForEntity(RuleTables.PATH + "/versions/" + versionId + "/activation", null,
                JsonNode.class).getStatusCode().value();
    }

    private int activeCount() {
        return jdbc.queryForObject("select count(*) from rule_table_versions where status = 'ACTIVE'", Integer.class);
    }

    private static String first(JsonNode error) {
        return error.path("sheet").asText() + "!" + error.path("cell").asText() + ": " + error.path("message").asText();
    }

    private static List<Broken> corpus() {
        List<Broken> corpus = new ArrayList<>();
        // Refused outright: not what a rule table is.
        corpus.add(new Broken("empty", new byte[0], 415, "empty"));
        corpus.add(new Broken("csv", "Row,Days past due\nR1,30\n".getBytes(StandardCharsets.UTF_8), 415, "CSV"));
        corpus.add(new Broken("xls", xls(), 415, ".xls"));
        corpus.add(new Broken("renamed-zip", zip(Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))), 415,
                "no xl/workbook.xml"));
        corpus.add(new Broken("xlsm", withEntry(shipped(), "xl/vbaProject.bin", new byte[] {1, 2, 3}), 415, "macros"));
        corpus.add(new Broken("too-large", tooLarge(), 413, "at most"));
        corpus.add(new Broken("zip-bomb", withEntry(shipped(), "xl/media/image1.png", new byte[60_000_000]), 422,
                "times the file's size"));
        corpus.add(new Broken("truncated", Arrays.copyOf(shipped(), shipped().length / 2), 415, "workbook"));
        corpus.add(new Broken("random-after-zip-magic", randomZipMagic(), 415, "workbook."));
        corpus.add(new Broken("formula", edited(rules -> cell(rules, "R18", "Wait days before next check")
                .setCellFormula("7*2")), 422, "=7*2"));
        // Stored as REJECTED: a workbook, but not a usable table. Each message names the cell.
        corpus.add(new Broken("no-rule-table", edited(rules -> rules.getRow(12).getCell(1).setCellValue("Rules")), 422,
                "no sheet holds"));
        corpus.add(new Broken("segment-typo", edit("R18", "Segment (one or more)", "CONSUMR, PATIENT"), 422,
                "F35: \"CONSUMR\""));
        corpus.add(new Broken("risk-band-typo", edit("R16", "Risk band (A safest .. D)", "E"), 422, "G33: \"E\""));
        corpus.add(new Broken("yes-no-typo", edit("R1", "With the collection agency", "maybe"), 422, "V18: \"maybe\""));
        corpus.add(new Broken("action-typo", edit("R12", "Action", "CALL"), 422, "W29: \"CALL\""));
        corpus.add(new Broken("days-in-words", edit("R13", "Days past due: at least", "sixty"), 422, "B30: \"sixty\""));
        corpus.add(new Broken("amount-with-separator", edit("R17", "Overdue amount: at least", "10,000"), 422,
                "D34: \"10,000\" is not a number"));
        corpus.add(new Broken("wait-days-in-words", edit("R18", "Wait days before next check", "two weeks"), 422,
                "Z35: \"two weeks\""));
        corpus.add(new Broken("level-in-words", edit("R20", "Dunning level (0 = no email)", "second"), 422,
                "X37: \"second\""));
        corpus.add(new Broken("days-bounds-swapped", edited(rules -> {
            cell(rules, "R13", "Days past due: at least").setCellValue(60);
            cell(rules, "R13", "Days past due: below").setCellValue(30);
        }), 422, "B30: \"Days past due: at least\" 60 is not below"));
        corpus.add(new Broken("amount-bounds-equal", edited(rules -> cell(rules, "R9", "Overdue amount: at least")
                .setCellValue(25)), 422, "D26: \"Overdue amount: at least\" 25 is not below"));
        corpus.add(new Broken("reminder-bounds-swapped", edited(rules -> {
            cell(rules, "R20", "Dunning emails sent: at least").setCellValue(2);
        }), 422, "H37: \"Dunning emails sent: at least\" 2 is not below"));
        corpus.add(new Broken("covered-row", edited(rules -> cell(rules, "R14", "Dunning emails sent: at most").setBlank()),
                422, "A32: this row can never fire: R14 (row 31)"));
        corpus.add(new Broken("duplicate-row", edited(rules -> copyRow(rules, "R20", "R21")), 422,
                "A38: this row can never fire: R20 (row 37)"));
        corpus.add(new Broken("unconditional-hold", edited(rules -> cell(rules, "R2", "Dunning paused").setBlank()), 422,
                "A20: this row can never fire: R2 (row 19)"));
        corpus.add(new Broken("empty-action", edited(rules -> cell(rules, "R3", "Action").setBlank()), 422,
                "A20: R3: the Action cell is empty"));
        corpus.add(new Broken("reminder-without-template", edited(rules -> cell(rules, "R18", "Email template").setBlank()),
                422, "A35: R18: Action REMIND needs an email template"));
        corpus.add(new Broken("task-without-group", edited(rules -> cell(rules, "R12", "Candidate group (who gets the task)")
                .setBlank()), 422, "A29: R12: Action ESCALATE needs a candidate group"));
        corpus.add(new Broken("agency-without-notice", edited(rules -> cell(rules, "R11", "Email template").setBlank()),
                422, "A28: R11: Action AGENCY needs an email template"));
        corpus.add(new Broken("no-first-match-group", edited(rules -> cell(rules, "R5", "First match wins (group)")
                .setBlank()), 422, "A22: R5: no ACTIVATION-GROUP"));
        corpus.add(new Broken("two-first-match-groups", edited(rules -> cell(rules, "R10", "First match wins (group)")
                .setCellValue("patients")), 422, "ACTIVATION-GROUP differs between rows"));
        corpus.add(new Broken("enterprise-gap", edit("R14", "Segment (one or more)", "CONSUMER"), 422,
                "no row covers an account like this"));
        corpus.add(new Broken("broken-snippet", edited(rules -> rules.getRow(15).getCell(1).setCellValue("daysPastDu >= $param")),
                422, "daysPastDu"));
        corpus.add(new Broken("unknown-import", edited(rules -> rules.getRow(6).getCell(2)
                .setCellValue("io.recollect.rules.AccountSituation, io.recollect.rules.NoSuchAction")), 422, "NoSuchAction"));
        corpus.add(new Broken("no-rule-rows", edited(rules -> {
            for (int r = rules.getLastRowNum(); r >= 17; r--) {
                if (rules.getRow(r) != null) {
                    rules.removeRow(rules.getRow(r));
                }
            }
        }), 422, "has no rule rows"));
        // Exhaustive, not sampled: rows that only together cover a row below, a gap between sampled amounts.
        corpus.add(new Broken("covered-by-two-rows", edited(rules -> {
            cell(rules, "R17", "Segment (one or more)").setCellValue("ENTERPRISE");
            cell(rules, "R17", "Dunning emails sent: at least").setBlank();
        }), 422, "A34: this row can never fire: together"));
        corpus.add(new Broken("gap-between-sampled-amounts", edited(rules -> cell(rules, "R23", "Overdue amount: below")
                .setCellValue(5000)), 422, "overdue amount 5000"));
        // The workbook's own Examples must hold: each failing one is named by its Examples cell.
        corpus.add(new Broken("example-broken-by-the-change", withExamples(edited(rules -> cell(rules, "R13",
                "Days past due: at least").setCellValue(30)),
                EXAMPLE_HEADERS, new Object[] {"CONSUMER", "B", 40, 120, 0, 30, null, "REMIND"}), 422,
                "Examples!H2: the example (segment CONSUMER, riskBand B, daysPastDue 40, overdueAmount 120, remindersSent 0,"
                        + " daysSinceLastAction 30) expects action REMIND, but the table answers ESCALATE by R13 (row 30)"));
        corpus.add(new Broken("example-expects-another-rule", withExamples(shipped(), EXAMPLE_HEADERS,
                new Object[] {"CONSUMER", "B", 40, 120, 0, 30, "R13", "REMIND"}), 422,
                "Examples!G2: the example (segment CONSUMER, riskBand B, daysPastDue 40, overdueAmount 120, remindersSent 0,"
                        + " daysSinceLastAction 30) expects rule R13, but the table answers REMIND by R18 (row 35)"));
        corpus.add(new Broken("example-unknown-input", withExamples(shipped(), new Object[] {"Days overdue",
            "Expected action"}, new Object[] {40, "REMIND"}), 422, "Examples!A1: \"Days overdue\" is not an input"));
        corpus.add(new Broken("example-days-in-words", withExamples(shipped(), EXAMPLE_HEADERS,
                new Object[] {"CONSUMER", "B", "forty", 120, 0, 30, "R18", "REMIND"}), 422,
                "Examples!C2: \"forty\" is not a value for daysPastDue"));
        corpus.add(new Broken("example-expects-nothing", withExamples(shipped(), new Object[] {"Segment", "Days past due"},
                new Object[] {"CONSUMER", 40}), 422, "Examples!A1: no \"Expected rule\" or \"Expected action\" column"));
        corpus.add(new Broken("example-no-row-covers", withExamples(shipped(), EXAMPLE_HEADERS,
                new Object[] {"NOBODY", "B", 40, 120, 0, 30, "R18", "REMIND"}), 422, "Examples!G2: no row covers this example"));
        return corpus;
    }

    /** A consumer 40 days overdue before any reminder: the shipped table sends the friendly reminder (R18). */
    private static final Object[] FORTY_DAYS_REMINDED = {"CONSUMER", "B", 40, 120, 0, 30, "R18", "REMIND"};

    @Test
    void aWorkbookWhoseExamplesHoldIsACandidate() {
        byte[] examples = withExamples(shipped(), EXAMPLE_HEADERS, FORTY_DAYS_REMINDED,
                new Object[] {"CONSUMER", "B", 40, "120.00", 0, 30, "", "remind"},
                new Object[] {"CONSUMER", "B", 70, 60, 0, 30, "R13", "ESCALATE"});
        ResponseEntity<JsonNode> response = upload(as("manager"), "with-examples.xlsx", examples, "examples hold");
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        assertThat(response.getBody().path("status").asText()).isEqualTo("CANDIDATE");
    }

    private static byte[] edit(String label, String header, String value) {
        return edited(rules -> cell(rules, label, header).setCellValue(value));
    }

    /** Copies the conditions and actions of one rule row over another, leaving its label. */
    private static void copyRow(Sheet rules, String from, String to) {
        Row source = row(rules, from);
        Row target = row(rules, to);
        for (int c = 1; c < source.getLastCellNum(); c++) {
            Cell s = source.getCell(c);
            Cell t = target.getCell(c) != null ? target.getCell(c) : target.createCell(c);
            if (s == null || s.toString().isEmpty()) {
                t.setBlank();
            } else {
                t.setCellValue(s.toString());
            }
        }
    }

    private static byte[] xls() {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Collection path").createRow(0).createCell(0).setCellValue("RuleTable Collection path");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook's zip with one more entry, as a macro-enabled save or a crafted bomb would have. */
    private static byte[] withEntry(byte[] xlsx, String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(name, content);
        return zip(entries);
    }

    private static byte[] tooLarge() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        new Random(7).nextBytes(big);
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        return big;
    }

    private static byte[] randomZipMagic() {
        byte[] bytes = new byte[4096];
        new Random(11).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

}
