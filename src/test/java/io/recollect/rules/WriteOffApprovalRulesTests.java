package io.recollect.rules;

import static io.recollect.rules.WriteOffApproval.AUTO;
import static io.recollect.rules.WriteOffApproval.COLLECTION_MANAGERS;
import static io.recollect.rules.WriteOffApproval.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped write-off-approval sheet, row by row: the reviewable specification of who approves what. */
class WriteOffApprovalRulesTests {

    // Spreadsheet rows (as Excel numbers them) of R1..R7.
    private static final int R1 = 18, R2 = 19, R3 = 20, R4 = 21, R5 = 22, R6 = 23, R7 = 24;
    private static final String MANAGERS = "collection-managers";
    private static final String FINANCE_GROUP = "finance";

    private static byte[] sheet;
    private static WriteOffApprovalTable table;

    @BeforeAll
    static void compileShippedSheet() throws IOException {
        sheet = Files.readAllBytes(Path.of("rules/write-off-approval.xlsx"));
        table = WriteOffApprovalTable.compile(sheet);
    }

    @Test
    void r1_financeApprovesAThousandOrMoreWhateverTheReason() {
        // A small-balance reason and a settlement would each have a row of their own below.
        assertRoute(proposal("1000.00", "SETTLEMENT", "CONSUMER", 400), FINANCE, FINANCE_GROUP, 80, 5, null, R1);
        assertRoute(proposal("25000.00", "CHARITY_CARE", "PATIENT", 30), FINANCE, FINANCE_GROUP, 80, 5, null, R1);
    }

    @Test
    void r2_financeApprovesAnEnterpriseBalanceOf250OrMore() {
        assertRoute(proposal("250.00", "UNCOLLECTABLE", "ENTERPRISE", 200), FINANCE, FINANCE_GROUP, 70, 5, null, R2);
    }

    @Test
    void r3_managerChecksTheTermsOfASettlement() {
        assertRoute(proposal("249.99", "SETTLEMENT", "ENTERPRISE", 10), COLLECTION_MANAGERS, MANAGERS, 70, 3, null, R3);
    }

    @Test
    void r4_smallBalanceUnderTenSixtyDaysPastDueIsWrittenOffAtOnce() {
        assertRoute(proposal("9.99", "SMALL_BALANCE", "SMALL_BUSINESS", 60), AUTO, null, 0, 0, null, R4);
    }

    @Test
    void smallBalanceOfTenOrTooRecentGoesToAManager() {
        assertRoute(proposal("10.00", "SMALL_BALANCE", "CONSUMER", 90), COLLECTION_MANAGERS, MANAGERS, 60, 5, null, R7);
        assertRoute(proposal("9.99", "SMALL_BALANCE", "CONSUMER", 59), COLLECTION_MANAGERS, MANAGERS, 60, 5, null, R7);
    }

    @Test
    void r5_managerConfirmsFinancialAssistanceAndTheCustomerIsTold() {
        assertRoute(proposal("640.00", "CHARITY_CARE", "PATIENT", 45), COLLECTION_MANAGERS, MANAGERS, 60, 5,
                "write-off-notice", R5);
    }

    @Test
    void r6_managerChecksTheEvidenceOfDeathOrBankruptcy() {
        assertRoute(proposal("300.00", "DECEASED", "CONSUMER", 100), COLLECTION_MANAGERS, MANAGERS, 50, 10, null, R6);
        assertRoute(proposal("300.00", "BANKRUPT", "SMALL_BUSINESS", 100), COLLECTION_MANAGERS, MANAGERS, 50, 10, null, R6);
    }

    @Test
    void r7_managerApprovesAnyOtherWriteOffUpToTheLimit() {
        assertRoute(proposal("999.99", "UNCOLLECTABLE", "SMALL_BUSINESS", 200), COLLECTION_MANAGERS, MANAGERS, 60, 5,
                null, R7);
    }

    @Test
    void nothingToWriteOffIsAGapNotAnApproval() {
        assertThatThrownBy(() -> table.decide(proposal("0.00", "UNCOLLECTABLE", "CONSUMER", 10)))
                .isInstanceOf(NoMatchingRuleException.class);
    }

    @Test
    void everyRowOfTheSheetHasAnExampleNamedAfterItsLabel() {
        assertThat(RowExamples.labels(sheet)).as("the sheet's labels").containsExactly("R1", "R2", "R3", "R4", "R5",
                "R6", "R7");
        assertThat(RowExamples.missing(sheet, WriteOffApprovalRulesTests.class)).isEmpty();
    }

    // --- The sheet as a manager might break it.

    @Test
    void rowWherePeopleApproveButNoGroupIsNamedIsRefused() throws IOException {
        byte[] edited = edit(s -> s.getRow(R7 - 1).getCell(8).setBlank());
        assertThatThrownBy(() -> WriteOffApprovalTable.compile(edited)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("row " + R7 + ": a person approves, so it needs a candidate group");
    }

    @Test
    void misspeltReasonIsRefused() throws IOException {
        byte[] edited = edit(s -> s.getRow(R3 - 1).getCell(3).setCellValue("SETTLEMNT"));
        assertThatThrownBy(() -> WriteOffApprovalTable.compile(edited)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("SETTLEMNT");
    }

    @Test
    void rowWithoutAnApprovalIsRefused() throws IOException {
        byte[] edited = edit(s -> s.getRow(R2 - 1).getCell(7).setBlank());
        assertThatThrownBy(() -> WriteOffApprovalTable.compile(edited)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("row " + R2 + ": the Approval cell is empty");
    }

    @Test
    void editedLimitTakesEffect() throws IOException {
        byte[] edited = edit(s -> s.getRow(R1 - 1).getCell(1).setCellValue(500.00));
        WriteOffApprovalTable raised = WriteOffApprovalTable.compile(edited);
        assertThat(raised.decide(proposal("600.00", "UNCOLLECTABLE", "CONSUMER", 100)).approval()).isEqualTo(FINANCE);
        assertThat(raised.version()).isNotEqualTo(table.version());
    }

    private static byte[] edit(Consumer<Sheet> change) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static WriteOffProposal proposal(String amount, String reason, String segment, int daysPastDue) {
        return WriteOffProposal.of(new BigDecimal(amount), reason, segment, daysPastDue);
    }

    private static void assertRoute(WriteOffProposal proposal, WriteOffApproval approval, String group, int priority,
            int slaDays, String notice, int row) {
        WriteOffRoute route = table.decide(proposal);
        assertThat(route.approval()).as("approval").isEqualTo(approval);
        assertThat(route.candidateGroup()).as("group").isEqualTo(group);
        assertThat(route.priority()).as("priority").isEqualTo(priority);
        assertThat(route.slaDays()).as("SLA").isEqualTo(slaDays);
        assertThat(route.noticeTemplate()).as("notice").isEqualTo(notice);
        assertThat(route.reason()).as("reason").isNotBlank();
        // the sheet labels its rows R1.. from sheet row 18; decisions cite both
        assertThat(route.citation()).isEqualTo(new RuleCitation(WriteOffApprovalTable.NAME, table.version(), row,
                "R" + (row - R1 + 1), null));
    }
}
