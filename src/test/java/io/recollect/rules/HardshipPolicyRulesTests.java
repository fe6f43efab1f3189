package io.recollect.rules;

import static io.recollect.rules.PlanPolicyDecision.APPROVE;
import static io.recollect.rules.PlanPolicyDecision.MANAGER;
import static io.recollect.rules.PlanPolicyDecision.REFUSE;
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

/** The shipped hardship-policy sheet, row by row (H1..H11 are spreadsheet rows 18..28). */
class HardshipPolicyRulesTests {

    private static final int H1 = 18, H2 = 19, H3 = 20, H4 = 21, H5 = 22, H6 = 23, H7 = 24, H8 = 25, H9 = 26,
            H10 = 27, H11 = 28;
    private static final String MANAGERS = "collection-managers";

    private static byte[] sheet;
    private static HardshipPolicyTable table;

    @BeforeAll
    static void compileShippedSheet() throws IOException {
        sheet = Files.readAllBytes(Path.of("rules/hardship-policy.xlsx"));
        table = HardshipPolicy.compile(sheet);
    }

    @Test
    void h1_refusesAThirdPlanAfterTwoBrokenOnes() {
        HardshipPolicyResult result = table.decide(proposal(p -> { p.setBrokenPlans(2); p.setTermMonths(40); }));
        assertRefused(result, H1, "Two plans were broken before");
    }

    @Test
    void h2_refusesAPlanLongerThanThreeYears() {
        assertRefused(table.decide(proposal(p -> { p.setTermMonths(37); p.setInstalmentAmount(amount("5")); })), H2,
                "at most 36 months");
    }

    @Test
    void h3_refusesPatientInstalmentsAboveFourPercentOfIncome() {
        HardshipPolicyResult result = table.decide(proposal(p -> {
            p.setSegment("PATIENT");
            p.setIncomeKnown(true);
            p.setIncomeSharePercent(amount("4.01"));
        }));
        assertRefused(result, H3, "at most 4% of your monthly household income");
    }

    @Test
    void acceptsPatientInstalmentsOfExactlyFourPercent() {
        HardshipPolicyResult result = table.decide(proposal(p -> {
            p.setSegment("PATIENT");
            p.setIncomeKnown(true);
            p.setIncomeSharePercent(amount("4.00"));
        }));
        assertThat(result.citation().row()).isEqualTo(H9);
    }

    @Test
    void h4_refusesInstalmentsBelowTen() {
        assertRefused(table.decide(proposal(p -> p.setInstalmentAmount(amount("9.99")))), H4, "at least 10.00");
    }

    @Test
    void h5_managerReviewsInstalmentsAboveThirtyPercentOfIncome() {
        assertManager(table.decide(proposal(p -> { p.setIncomeKnown(true); p.setIncomeSharePercent(amount("30.5")); })),
                H5, 70, 2);
    }

    @Test
    void h6_managerReviewsAPlanAfterOneBrokenBefore() {
        assertManager(table.decide(proposal(p -> p.setBrokenPlans(1))), H6, 60, 3);
    }

    @Test
    void h7_managerReviewsHighRiskAccounts() {
        assertManager(table.decide(proposal(p -> p.setRiskBand("D"))), H7, 60, 3);
    }

    @Test
    void h8_managerReviewsBalancesOfFiveThousandOrMore() {
        assertManager(table.decide(proposal(p -> p.setBalance(amount("5000.00")))), H8, 50, 3);
    }

    @Test
    void h9_approvesUpToTwelveMonths() {
        HardshipPolicyResult result = table.decide(proposal(p -> p.setTermMonths(12)));
        assertThat(result.decision()).isEqualTo(APPROVE);
        assertThat(result.citation().row()).isEqualTo(H9);
        assertThat(result.graceDays()).isEqualTo(5);
        assertThat(result.breakAfterMisses()).isEqualTo(2);
    }

    @Test
    void h10_approvesUpToTwoYearsWithATenPercentDownPayment() {
        HardshipPolicyResult result = table.decide(proposal(p -> {
            p.setTermMonths(24);
            p.setDownPaymentPercent(amount("10"));
        }));
        assertThat(result.decision()).isEqualTo(APPROVE);
        assertThat(result.citation().row()).isEqualTo(H10);
    }

    @Test
    void h11_managerReviewsLongerPlansWithASmallDownPayment() {
        assertManager(table.decide(proposal(p -> { p.setTermMonths(13); p.setDownPaymentPercent(amount("9.99")); })),
                H11, 50, 5);
    }

    @Test
    void everyRowOfTheSheetHasAnExampleNamedAfterItsLabel() {
        assertThat(RowExamples.labels(sheet)).as("the sheet's labels").hasSize(11).startsWith("H1").endsWith("H11");
        assertThat(RowExamples.missing(sheet, HardshipPolicyRulesTests.class)).isEmpty();
    }

    @Test
    void anUnknownSegmentIsAGapNotAnApproval() {
        assertThatThrownBy(() -> table.decide(proposal(p -> p.setSegment("MARTIAN"))))
                .isInstanceOf(NoMatchingRuleException.class);
    }

    @Test
    void aManagerRowWithoutItsApprovingGroupIsRefusedWithItsRow() throws IOException {
        byte[] edited = edit(s -> s.getRow(H5 - 1).getCell(17).setBlank());
        assertThatThrownBy(() -> HardshipPolicy.compile(edited)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("row " + H5 + ": Decision MANAGER needs an approving group");
    }

    @Test
    void aRowWithoutAReasonIsRefused() throws IOException {
        byte[] edited = edit(s -> s.getRow(H2 - 1).getCell(22).setBlank());
        assertThatThrownBy(() -> HardshipPolicy.compile(edited)).isInstanceOf(RuleTableException.class)
                .hasMessageContaining("row " + H2 + ": the Reason cell is empty");
    }

    @Test
    void aManagerEditsTheIncomeCapAndTheTableFollows() throws IOException {
        // As a manager would in a spreadsheet program: Colorado's 4 % becomes 5 %.
        HardshipPolicyTable edited = HardshipPolicy.compile(edit(s -> s.getRow(H3 - 1).getCell(12).setCellValue(5)));
        PlanProposal fourAndAHalf = proposal(p -> {
            p.setSegment("PATIENT");
            p.setIncomeKnown(true);
            p.setIncomeSharePercent(amount("4.5"));
        });
        assertThat(table.decide(fourAndAHalf).decision()).isEqualTo(REFUSE);
        assertThat(edited.decide(fourAndAHalf).decision()).isEqualTo(APPROVE);
        assertThat(edited.version()).isNotEqualTo(table.version());
    }

    /** A consumer in band B owing 1,200.00 over 6 months, 100.00 a month, no down payment: within policy (H9). */
    private static PlanProposal proposal(Consumer<PlanProposal> change) {
        PlanProposal p = new PlanProposal();
        p.setSegment("CONSUMER");
        p.setRiskBand("B");
        p.setBalance(amount("1200.00"));
        p.setDownPaymentPercent(BigDecimal.ZERO);
        p.setInstalmentAmount(amount("100.00"));
        p.setTermMonths(6);
        p.setIncomeKnown(false);
        p.setIncomeSharePercent(BigDecimal.ZERO);
        p.setBrokenPlans(0);
        change.accept(p);
        return p;
    }

    private static void assertRefused(HardshipPolicyResult result, int row, String reason) {
        assertThat(result.decision()).isEqualTo(REFUSE);
        assertThat(result.citation().row()).isEqualTo(row);
        assertThat(result.reason()).contains(reason);
        assertThat(result.citation().table()).isEqualTo("hardship-policy");
    }

    private static void assertManager(HardshipPolicyResult result, int row, int priority, int slaDays) {
        assertThat(result.decision()).isEqualTo(MANAGER);
        assertThat(result.citation().row()).isEqualTo(row);
        assertThat(result.candidateGroup()).isEqualTo(MANAGERS);
        assertThat(result.priority()).isEqualTo(priority);
        assertThat(result.slaDays()).isEqualTo(slaDays);
        assertThat(result.reason()).isNotBlank();
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private static byte[] edit(Consumer<Sheet> change) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet))) {
            change.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
