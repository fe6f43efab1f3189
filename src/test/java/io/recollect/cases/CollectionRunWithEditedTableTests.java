package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.accounts.TimelineEntry;
import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.DecisionRecordView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import io.recollect.support.RuleTables;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What the code guarantees whatever the table says: the app runs with a copy of the shipped
 * sheet edited as a manager might, without R6 "waiting out the last step", and with R14
 * (enterprise, first reminder) narrowed to consumers, which leaves a gap for enterprises.
 */
class CollectionRunWithEditedTableTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * The edited sheet has a gap on purpose, so the upload checks would reject it: it is written
     * straight into the version store, as a developer could, and activated through the API.
     */
    @BeforeEach
    void activateEditedTable() throws IOException {
        ensureSecondManager();
        UUID id = UUID.randomUUID();
        byte[] content = Files.readAllBytes(editedSheet());
        jdbc.update("insert into rule_table_versions (id, table_name, content, sha256, uploaded_by, uploaded_at,"
                + " comment, status) values (?, 'collection-path', ?, ?, 'developer', ?, 'edited for a test', 'CANDIDATE')",
                id, content, HexFormat.of().formatHex(sha256(content)), Timestamp.from(time.now()));
        assertThat(RuleTables.activate(as("manager2"), id, "test").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void shippedTableAgain() {
        RuleTables.restoreShipped(as("manager2"));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noSecondLetterMidWaitEvenWithoutTheWaitingOutRow() {
        CustomerView customer = fixtures.customer();
        fixtures.overdueInvoice(customer, "50.00", 40, time.today());
        fixtures.overdueInvoice(customer, "300.00", 5, time.today());
        cases.settle();

        time.advanceDays(3);
        fixtures.pay(customer, "80.00", time.today());
        cases.settle();

        // The table now answers the second reminder at once; the code holds it until the wait ends.
        assertThat(Mailbox.dunning(mail, customer.email())).hasSize(1);
        assertThat(kinds(customer)).contains("REMINDER_HELD");
        time.advanceDays(7);
        cases.settle();
        assertThat(Mailbox.dunning(mail, customer.email())).extracting(Mailbox.Received::subject)
                .satisfiesExactly(first -> assertThat(first).startsWith("Reminder"),
                        second -> assertThat(second).startsWith("Second reminder"));
    }

    @Test
    void aGapInTheTableHoldsOnlyItsOwnAccountAndRaisesNoIncident() {
        CustomerView uncovered = fixtures.customer(Segment.ENTERPRISE, RiskBand.A);
        fixtures.overdueInvoice(uncovered, "500.00", 3, time.today());
        CustomerView covered = fixtures.customer();
        fixtures.overdueInvoice(covered, "50.00", 3, time.today());

        cases.settle();

        assertThat(cases.decisions(covered)).extracting(DecisionRecordView::action).containsExactly(CollectionAction.REMIND);
        assertThat(cases.decisions(uncovered)).isEmpty();
        assertThat(kinds(uncovered)).contains("RULE_GAP");
        assertThat(management.createJobQuery().withException().count()).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    private static Path edited;

    private static synchronized Path editedSheet() {
        if (edited != null) {
            return edited;
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("rules/collection-path.xlsx"))))) {
            Sheet rules = workbook.getSheetAt(0);
            Row r13 = row(rules, "R14");
            r13.getCell(column(rules, "Segment (one or more)")).setCellValue("CONSUMER");
            int r6 = row(rules, "R6").getRowNum();
            rules.removeRow(rules.getRow(r6));
            // A blank row would end the rule table there: move the rows below up instead.
            rules.shiftRows(r6 + 1, rules.getLastRowNum(), -1);
            edited = Files.createTempFile("collection-path-edited", ".xlsx");
            try (OutputStream out = Files.newOutputStream(edited)) {
                workbook.write(out);
            }
            return edited;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(Sheet rules, String label) {
        for (Row row : rules) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
                return row;
            }
        }
        throw new IllegalArgumentException("No row labelled " + label);
    }

    private static int column(Sheet rules, String header) {
        for (Row row : rules) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(header)) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new IllegalArgumentException("No column headed '" + header + "'");
    }
}
