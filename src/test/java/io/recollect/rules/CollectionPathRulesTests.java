package io.recollect.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped collection-path sheet, row by row: spreadsheets do not diff well, these tests do. */
class CollectionPathRulesTests {

    // Spreadsheet rows (as Excel numbers them) of R1..R6; inserting a row in the sheet must show up here.
    private static final int R1 = 16, R2 = 17, R3 = 18, R4 = 19, R5 = 20, R6 = 21;

    private static byte[] sheet;
    private static CollectionPathTable table;

    @BeforeAll
    static void compileShippedSheet() throws IOException {
        sheet = Files.readAllBytes(Path.of("rules/collection-path.xlsx"));
        table = CollectionPathTable.compile(sheet);
    }

    @Test
    void escalatesWhenOverSixtyDaysPastDue() {
        assertDecision(situation(75, "120.00", 0), CollectionAction.ESCALATE, 0, 5,
                "Over 60 days past due: a collector calls", R1);
    }

    @Test
    void remindsLargeBalanceOnceWithShorterWait() {
        assertDecision(situation(20, "7500.00", 0), CollectionAction.REMIND, 1, 7,
                "Large balance: first reminder with a shorter wait", R2);
    }

    @Test
    void escalatesLargeBalanceStillUnpaidAfterAReminder() {
        assertDecision(situation(20, "7500.00", 1), CollectionAction.ESCALATE, 0, 5,
                "Large balance still unpaid after a reminder: a collector calls", R3);
    }

    @Test
    void sendsFirstFriendlyReminder() {
        assertDecision(situation(10, "250.00", 0), CollectionAction.REMIND, 1, 14, "First friendly reminder", R4);
    }

    @Test
    void sendsSecondReminderWhenFirstWentUnanswered() {
        assertDecision(situation(25, "250.00", 1), CollectionAction.REMIND, 2, 10,
                "Second reminder: first went unanswered", R5);
    }

    @Test
    void escalatesAfterTwoUnansweredReminders() {
        assertDecision(situation(40, "250.00", 2), CollectionAction.ESCALATE, 0, 7,
                "Two reminders unanswered: a collector calls", R6);
    }

    @Test
    void escalatesFromSixtyDaysButNotAtFiftyNine() {
        assertThat(rowFor(situation(59, "100.00", 0))).isEqualTo(R4);
        assertThat(rowFor(situation(60, "100.00", 0))).isEqualTo(R1);
        assertThat(rowFor(situation(59, "9000.00", 3))).isEqualTo(R3);
        assertThat(rowFor(situation(60, "9000.00", 3))).isEqualTo(R1);
    }

    @Test
    void treatsFiveThousandAsLargeWhateverItsScaleButNotACentLess() {
        assertThat(rowFor(situation(30, "4999.99", 0))).isEqualTo(R4);
        assertThat(rowFor(situation(30, "5000.00", 0))).isEqualTo(R2);
        assertThat(rowFor(situation(30, "5000", 0))).isEqualTo(R2);
        assertThat(rowFor(situation(30, "4999.99", 1))).isEqualTo(R5);
        assertThat(rowFor(situation(30, "5000.00", 1))).isEqualTo(R3);
    }

    @Test
    void everySituationOnAGridMatchesExactlyOneRowAndEveryRowIsUsed() {
        String[] amounts = {"0.01", "250.00", "4999.98", "4999.99", "5000.00", "5000.01", "25000.00"};
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> hits = new TreeMap<>();
        int situations = 0;
        for (int days = 1; days <= 120; days += (days >= 55 && days <= 65) ? 1 : 9) {
            for (String amount : amounts) {
                for (int reminders = 0; reminders <= 4; reminders++) {
                    AccountSituation s = situation(days, amount, reminders);
                    situations++;
                    List<Integer> rows = table.matchingRows(s);
                    int expected = rowBySpecification(s);
                    if (rows.size() != 1) {
                        problems.add(s + " matches rows " + rows + " instead of exactly one");
                    } else if (rows.get(0) != expected || rowFor(s) != expected) {
                        problems.add(s + " decided by row " + rows.get(0) + ", specification says row " + expected);
                    }
                    rows.forEach(row -> hits.merge(row, 1, Integer::sum));
                }
            }
        }
        assertThat(situations).isGreaterThanOrEqualTo(200);
        assertThat(problems).isEmpty();
        assertThat(hits.keySet()).containsExactly(R1, R2, R3, R4, R5, R6);
    }

    @Test
    void decidesTheSameWhenManyThreadsAskAtOnce() throws Exception {
        List<AccountSituation> situations = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            situations.add(situation(1 + i % 90, i % 3 == 0 ? "5000.00" : "4999.99", i % 4));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CollectionDecision>> answers = pool.invokeAll(
                    situations.stream().map(s -> (Callable<CollectionDecision>) () -> table.decide(s)).toList());
            for (int i = 0; i < situations.size(); i++) {
                assertThat(answers.get(i).get().citation().row()).isEqualTo(rowBySpecification(situations.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overlapCheckSeesOverlappingRowsWhileFirstMatchStillWins() throws IOException {
        // Lowering R1 to 50 days makes it overlap R4 for days 50..59: the grid check must be able to notice.
        CollectionPathTable overlapping = CollectionPathTable.compile(
                withRuleCell("Days past due: at least", 0, cell -> cell.setCellValue(50)));
        AccountSituation s = situation(55, "100.00", 0);

        assertThat(overlapping.matchingRows(s)).containsExactlyInAnyOrder(R1, R4);
        assertThat(overlapping.decide(s).citation().row()).isEqualTo(R1);
    }

    @Test
    void reportsAGapWhenNoRowCoversTheSituation() {
        AccountSituation unknownAmount = new AccountSituation(30, null, 0);

        assertThatThrownBy(() -> table.decide(unknownAmount))
                .isInstanceOf(NoMatchingRuleException.class)
                .hasMessageContaining("collection-path")
                .hasMessageContaining(table.version())
                .hasMessageContaining("daysPastDue=30");
    }

    @Test
    void rejectsACorruptFileWithAReadableMessage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        assertThatThrownBy(() -> CollectionPathTable.compile(garbage))
                .isInstanceOfSatisfying(RuleTableException.class, e -> {
                    assertThat(e.table()).isEqualTo("collection-path");
                    assertThat(e.messages()).singleElement().asString().contains("Excel");
                })
                .hasMessageStartingWith("Decision table 'collection-path' cannot be used: ");
    }

    @Test
    void rejectsAWorkbookWithoutRules() throws IOException {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (Workbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("nothing to see");
            workbook.write(empty);
        }

        assertThatThrownBy(() -> CollectionPathTable.compile(empty.toByteArray()))
                .isInstanceOf(RuleTableException.class)
                .hasMessageContaining("RuleTable");
    }

    @Test
    void rejectsARuleTableWithItsRowsDeleted() throws IOException {
        // Drools turns a header with no rows into one rule with no conditions that matches everything.
        byte[] noRows;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet))) {
            Sheet rules = workbook.getSheetAt(0);
            for (int row = R1; row <= R6; row++) {
                rules.removeRow(rules.getRow(row - 1));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            noRows = out.toByteArray();
        }

        assertThatThrownBy(() -> CollectionPathTable.compile(noRows))
                .isInstanceOf(RuleTableException.class)
                .hasMessageContaining("row " + R1 + ": no ACTION values");
    }

    @Test
    void namesTheSheetRowOfAValueThatDoesNotCompile() throws IOException {
        byte[] typo = withRuleCell("Action (REMIND or ESCALATE)", 1, cell -> cell.setCellValue("REMINDER"));

        assertThatThrownBy(() -> CollectionPathTable.compile(typo))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages())
                        .singleElement().asString().startsWith("row " + R2 + ":").contains("REMINDER"));
    }

    @Test
    void versionIsTheSha256OfTheSpreadsheetBytes() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sheet));

        assertThat(table.name()).isEqualTo("collection-path");
        assertThat(table.version()).isEqualTo(sha256).matches("[0-9a-f]{64}");
        assertThat(table.decide(situation(10, "1.00", 0)).citation())
                .isEqualTo(new RuleCitation("collection-path", sha256, R4));
    }

    private static void assertDecision(AccountSituation s, CollectionAction action, int level, int waitDays,
            String reason, int row) {
        assertThat(table.decide(s)).isEqualTo(new CollectionDecision(action, level, waitDays, reason,
                new RuleCitation("collection-path", table.version(), row)));
    }

    private static int rowFor(AccountSituation s) {
        return table.decide(s).citation().row();
    }

    /** R1..R6 restated in Java, independently of the sheet. */
    private static int rowBySpecification(AccountSituation s) {
        if (s.getDaysPastDue() >= 60) {
            return R1;
        }
        if (s.getOverdueAmount().compareTo(new BigDecimal("5000")) >= 0) {
            return s.getRemindersSent() == 0 ? R2 : R3;
        }
        return switch (Math.min(s.getRemindersSent(), 2)) {
            case 0 -> R4;
            case 1 -> R5;
            default -> R6;
        };
    }

    private static AccountSituation situation(int daysPastDue, String overdueAmount, int remindersSent) {
        return new AccountSituation(daysPastDue, new BigDecimal(overdueAmount), remindersSent);
    }

    /** A copy of the shipped sheet with one rule cell changed, found by its column header. */
    private static byte[] withRuleCell(String header, int ruleIndex, Consumer<Cell> change) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet))) {
            Sheet rules = workbook.getSheetAt(0);
            for (Row row : rules) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(header)) {
                        Row rule = rules.getRow(row.getRowNum() + 1 + ruleIndex);
                        change.accept(rule.getCell(cell.getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK));
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        workbook.write(out);
                        return out.toByteArray();
                    }
                }
            }
        }
        throw new IllegalArgumentException("No column headed '" + header + "'");
    }
}
