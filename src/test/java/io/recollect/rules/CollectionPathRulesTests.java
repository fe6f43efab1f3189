package io.recollect.rules;

import static io.recollect.rules.CollectionAction.AGENCY;
import static io.recollect.rules.CollectionAction.ESCALATE;
import static io.recollect.rules.CollectionAction.FINAL_NOTICE;
import static io.recollect.rules.CollectionAction.HOLD;
import static io.recollect.rules.CollectionAction.OFFER_PLAN;
import static io.recollect.rules.CollectionAction.REMIND;
import static io.recollect.rules.CollectionAction.WRITE_OFF;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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

    // Spreadsheet rows (as Excel numbers them) of the policy's R1..R25; inserting a row in the sheet must show up here.
    private static final int R1 = 18, R2 = 19, R3 = 20, R4 = 21, R5 = 22, R6 = 23, R7 = 24, R8 = 25, R9 = 26,
            R10 = 27, R11 = 28, R12 = 29, R13 = 30, R14 = 31, R15 = 32, R16 = 33, R17 = 34, R18 = 35, R19 = 36,
            R20 = 37, R21 = 38, R22 = 39, R23 = 40, R24 = 41, R25 = 42;
    private static final List<Integer> ALL_ROWS = IntStream.rangeClosed(R1, R25).boxed().toList();
    /** What {@link #policyRow} answers when no row may decide: the situation must surface as a gap. */
    private static final int NO_ROW = 0;

    private static final String MANAGERS = "collection-managers";
    private static final String COLLECTORS = "collectors";
    private static final Set<String> SEGMENTS = Set.of("CONSUMER", "SMALL_BUSINESS", "ENTERPRISE", "PATIENT");

    private static byte[] sheet;
    private static CollectionPathTable table;

    @BeforeAll
    static void compileShippedSheet() throws IOException {
        sheet = Files.readAllBytes(Path.of("rules/collection-path.xlsx"));
        table = CollectionPathTable.compile(sheet);
    }

    // --- One scenario per row; each adds a condition a lower row would act on, to show the row wins.

    @Test
    void holdsWhileTheAccountIsWithTheAgency() {
        assertDecision(account(s -> { s.setHandedToAgency(true); s.setDaysPastDue(150); s.setHardship(true); }),
                HOLD, 0, null, 30, 0, null, "With the collection agency: wait for its report", R1);
    }

    @Test
    void holdsWhileDunningIsPaused() {
        assertDecision(account(s -> { s.setDunningPaused(true); s.setOpenPromise(true); s.setRemindersSent(2); }),
                HOLD, 0, null, 30, 0, null, "Dunning is paused", R2);
    }

    @Test
    void holdsWhileAPromiseToPayIsPending() {
        assertDecision(account(s -> { s.setOpenPromise(true); s.setActivePlan(true); s.setBrokenPromises(2); }),
                HOLD, 0, null, 30, 0, null, "Waiting for the promised payment", R3);
    }

    @Test
    void holdsWhileAPaymentPlanIsRunning() {
        assertDecision(account(s -> { s.setActivePlan(true); s.setDaysPastDue(130); }),
                HOLD, 0, null, 30, 0, null, "A payment plan is running", R4);
    }

    @Test
    void holdsWhenOnlyDisputedInvoicesAreOverdue() {
        assertDecision(account(s -> { s.setOpenDispute(true); s.setOverdueAmount(amount("0")); s.setHardship(true); }),
                HOLD, 0, null, 30, 0, null, "Only disputed invoices are overdue", R5);
    }

    @Test
    void holdsUntilTheLastStepsWaitIsOver() {
        assertDecision(account(s -> { s.setDaysUntilNextStep(3); s.setRemindersSent(1); s.setHardship(true); }),
                HOLD, 0, null, 30, 0, null, "Waiting out the last step", R6);
    }

    @Test
    void collectorCallsInsteadOfAThirdPlanAfterTwoBrokenPlans() {
        assertDecision(account(s -> { s.setHardship(true); s.setBrokenPlans(2); s.setDaysPastDue(130); }),
                ESCALATE, 0, null, 14, 70, COLLECTORS,
                "Hardship reported after two broken plans: a collector calls, no other plan is offered", R7);
        assertThat(rowFor(account(s -> { s.setHardship(true); s.setBrokenPlans(1); }))).isEqualTo(R8);
    }

    @Test
    void offersAPlanWhenTheCustomerReportsHardship() {
        assertDecision(account(s -> { s.setHardship(true); s.setDaysPastDue(130); s.setOpenDispute(true); }),
                OFFER_PLAN, 0, null, 14, 70, MANAGERS, "Customer reported hardship: decide on a payment plan", R8);
    }

    @Test
    void writesOffASmallBalanceLongPastDue() {
        assertDecision(account(s -> {
                    s.setOverdueAmount(amount("18.50"));
                    s.setDaysPastDue(130);
                    s.setDaysSinceLastAction(30);
                }),
                WRITE_OFF, 0, null, 30, 30, MANAGERS, "Small balance past 90 days: not worth pursuing", R9);
    }

    @Test
    void offersPatientsAPlanInsteadOfTheAgency() {
        assertDecision(account(s -> { s.setSegment("PATIENT"); s.setDaysPastDue(125); s.setRemindersSent(3); }),
                OFFER_PLAN, 0, null, 30, 60, MANAGERS,
                "Patients are never sent to an agency: offer a payment plan", R10);
    }

    @Test
    void handsOverToTheAgencyAfter120Days() {
        assertDecision(account(s -> { s.setSegment("SMALL_BUSINESS"); s.setDaysPastDue(120); s.setBrokenPromises(2); }),
                AGENCY, 0, "agency-notice", 30, 60, MANAGERS, "Over 120 days past due: hand over to the agency", R11);
    }

    @Test
    void collectorCallsAfterTwoBrokenPromises() {
        assertDecision(account(s -> { s.setBrokenPromises(2); s.setSegment("ENTERPRISE"); }),
                ESCALATE, 0, null, 7, 80, COLLECTORS, "Two promises broken: a collector calls", R12);
    }

    @Test
    void collectorCallsFirstWhenDebtIsFoundSixtyDaysOverdue() {
        // Each segment's own first-reminder row below fits too: the call comes before any reminder.
        Map<String, Integer> firstReminder = Map.of("ENTERPRISE", R14, "CONSUMER", R18, "PATIENT", R18,
                "SMALL_BUSINESS", R19);
        firstReminder.forEach((segment, reminderRow) -> {
            AccountSituation s = account(a -> { a.setSegment(segment); a.setDaysPastDue(60); });

            assertDecision(s, ESCALATE, 0, null, 7, 65, COLLECTORS,
                    "Found 60 days overdue before any reminder: a collector calls first", R13);
            assertThat(table.matchingRows(s)).as(segment).containsExactlyInAnyOrder(R13, reminderRow);
        });
    }

    @Test
    void enterpriseGetsOneFriendlyReminder() {
        assertDecision(account(s -> s.setSegment("ENTERPRISE")),
                REMIND, 1, "reminder-friendly", 7, 0, null, "Enterprise: one friendly reminder", R14);
    }

    @Test
    void enterpriseAccountManagerCallsAfterOneReminder() {
        assertDecision(account(s -> { s.setSegment("ENTERPRISE"); s.setRemindersSent(1); s.setRiskBand("D"); }),
                ESCALATE, 0, null, 7, 70, COLLECTORS, "Enterprise: the account manager calls after one reminder", R15);
    }

    @Test
    void collectorCallsAHighRiskAccountAfterTheFirstReminder() {
        assertDecision(account(s -> {
                    s.setRiskBand("D");
                    s.setRemindersSent(1);
                    s.setOverdueAmount(amount("12000"));
                }),
                ESCALATE, 0, null, 7, 75, COLLECTORS, "High-risk account: call after the first reminder", R16);
    }

    @Test
    void collectorCallsAboutALargeBalanceStillUnpaidAfterAReminder() {
        assertDecision(account(s -> {
                    s.setSegment("SMALL_BUSINESS");
                    s.setOverdueAmount(amount("10000"));
                    s.setRemindersSent(1);
                }),
                ESCALATE, 0, null, 7, 90, COLLECTORS, "Large balance still unpaid after a reminder", R17);
    }

    @Test
    void consumersAndPatientsGetAFriendlyFirstReminderThenTwoWeeks() {
        for (String segment : List.of("CONSUMER", "PATIENT")) {
            assertDecision(account(s -> s.setSegment(segment)),
                    REMIND, 1, "reminder-friendly", 14, 0, null, "First friendly reminder", R18);
        }
    }

    @Test
    void smallBusinessGetsAFriendlyFirstReminderThenTenDays() {
        assertDecision(account(s -> s.setSegment("SMALL_BUSINESS")),
                REMIND, 1, "reminder-friendly", 10, 0, null, "First friendly reminder", R19);
    }

    @Test
    void consumersAndPatientsGetASecondReminderThenTwoWeeks() {
        for (String segment : List.of("CONSUMER", "PATIENT")) {
            assertDecision(account(s -> { s.setSegment(segment); s.setRemindersSent(1); }),
                    REMIND, 2, "reminder-firm", 14, 0, null, "Second reminder", R20);
        }
    }

    @Test
    void smallBusinessGetsSecondReminderAfterTenDays() {
        assertDecision(account(s -> { s.setSegment("SMALL_BUSINESS"); s.setRemindersSent(1); }),
                REMIND, 2, "reminder-firm", 10, 0, null, "Second reminder", R21);
    }

    @Test
    void consumersAndPatientsGetAFinalNoticeThenTwoWeeks() {
        for (String segment : List.of("CONSUMER", "PATIENT")) {
            assertDecision(account(s -> { s.setSegment(segment); s.setRemindersSent(2); }),
                    FINAL_NOTICE, 3, "final-notice", 14, 0, null, "Final notice before a call", R22);
        }
    }

    @Test
    void smallBusinessGetsAFinalNoticeThenTenDays() {
        assertDecision(account(s -> { s.setSegment("SMALL_BUSINESS"); s.setRemindersSent(2); }),
                FINAL_NOTICE, 3, "final-notice", 10, 0, null, "Final notice before a call", R23);
    }

    @Test
    void collectorCallsConsumersAndPatientsWhenTheFinalNoticeGoesUnanswered() {
        for (String segment : List.of("CONSUMER", "PATIENT")) {
            assertDecision(account(s -> { s.setSegment(segment); s.setRemindersSent(4); }),
                    ESCALATE, 0, null, 10, 50, COLLECTORS, "Final notice unanswered: a collector calls", R24);
        }
    }

    @Test
    void collectorCallsSmallBusinessSoonerWhenTheFinalNoticeGoesUnanswered() {
        assertDecision(account(s -> { s.setSegment("SMALL_BUSINESS"); s.setRemindersSent(3); }),
                ESCALATE, 0, null, 7, 60, COLLECTORS, "Final notice unanswered: a collector calls", R25);
    }

    // --- Thresholds, overlaps and gaps.

    @Test
    void appliesEachThresholdFromItsValueButNotBelow() {
        assertThat(rowFor(account(s -> s.setDaysPastDue(59)))).isEqualTo(R18);
        assertThat(rowFor(account(s -> s.setDaysPastDue(60)))).isEqualTo(R13);
        assertThat(rowFor(account(s -> { s.setDaysPastDue(60); s.setRemindersSent(1); }))).isEqualTo(R20);
        assertThat(rowFor(account(s -> { s.setSegment("ENTERPRISE"); s.setDaysPastDue(59); }))).isEqualTo(R14);
        assertThat(rowFor(account(s -> { s.setSegment("ENTERPRISE"); s.setDaysPastDue(60); }))).isEqualTo(R13);
        assertThat(rowFor(account(s -> { s.setSegment("ENTERPRISE"); s.setDaysPastDue(60); s.setRemindersSent(1); })))
                .isEqualTo(R15);
        assertThat(rowFor(account(s -> s.setDaysPastDue(119)))).isEqualTo(R13);
        assertThat(rowFor(account(s -> s.setDaysPastDue(120)))).isEqualTo(R11);
        assertThat(rowFor(smallOldBalance("24.99", 90, 30))).isEqualTo(R9);
        assertThat(rowFor(smallOldBalance("25.00", 90, 30))).isEqualTo(R13);
        assertThat(rowFor(smallOldBalance("24.99", 89, 30))).isEqualTo(R13);
        assertThat(rowFor(smallOldBalance("24.99", 90, 29))).isEqualTo(R13);
        assertThat(rowFor(account(s -> { s.setOverdueAmount(amount("9999.99")); s.setRemindersSent(1); })))
                .isEqualTo(R20);
        assertThat(rowFor(account(s -> { s.setOverdueAmount(amount("10000")); s.setRemindersSent(1); })))
                .isEqualTo(R17);
        assertThat(rowFor(account(s -> { s.setOverdueAmount(amount("0.01")); s.setOpenDispute(true); })))
                .isEqualTo(R18);
        assertThat(rowFor(account(s -> { s.setOverdueAmount(amount("0.00")); s.setOpenDispute(true); })))
                .isEqualTo(R5);
        assertThat(rowFor(account(s -> s.setBrokenPromises(1)))).isEqualTo(R18);
        assertThat(rowFor(account(s -> s.setBrokenPromises(2)))).isEqualTo(R12);
        assertThat(rowFor(account(s -> s.setDaysUntilNextStep(1)))).isEqualTo(R6);
    }

    @Test
    void guardsOverlapTheRowsBelowThemAndTheTopmostWins() {
        AccountSituation s = account(a -> { a.setHandedToAgency(true); a.setHardship(true); a.setDaysPastDue(130); });

        assertThat(table.matchingRows(s)).containsExactlyInAnyOrder(R1, R8, R11, R13, R18);
        assertThat(table.firedRows(s)).containsExactly(R1);
    }

    @Test
    void reportsAGapForAnUnknownSegmentOrAMissingAmount() {
        for (AccountSituation s : List.of(account(a -> a.setSegment("GOVERNMENT")), account(a -> a.setSegment(null)),
                account(a -> a.setSegment("consumer")), account(a -> a.setOverdueAmount(null)),
                account(a -> { a.setSegment("GOVERNMENT"); a.setRiskBand("D"); a.setRemindersSent(1); }),
                account(a -> { a.setSegment("GOVERNMENT"); a.setDaysPastDue(60); }))) {
            assertThatThrownBy(() -> table.decide(s))
                    .isInstanceOfSatisfying(NoMatchingRuleException.class, e -> assertThat(e.situation()).isSameAs(s))
                    .hasMessageContaining("collection-path")
                    .hasMessageContaining(table.version())
                    .hasMessageContaining(s.toString());
        }
    }

    @Test
    void guardsAndRowsUpToR11StillDecideForAnUnknownSegment() {
        assertThat(rowFor(account(s -> { s.setSegment("GOVERNMENT"); s.setHandedToAgency(true); }))).isEqualTo(R1);
        assertThat(rowFor(account(s -> { s.setSegment(null); s.setDaysPastDue(120); }))).isEqualTo(R11);
        assertThat(rowFor(account(s -> { s.setOverdueAmount(null); s.setBrokenPromises(2); }))).isEqualTo(R12);
    }

    // --- The whole table against the policy.

    @Test
    void everySituationOnTheGridFiresExactlyTheRowThePolicyNames() {
        List<AccountSituation> grid = grid();
        Map<Integer, Integer> hits = new TreeMap<>();

        List<String> disagreements = disagreements(table, grid, hits);

        assertThat(grid).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(disagreements.size()).as("situations of %d that disagree, e.g. %s", grid.size(),
                disagreements.stream().limit(5).toList()).isZero();
        assertThat(hits.keySet()).as("rows that fired").containsExactlyElementsOf(ALL_ROWS);
        assertThat(hits).doesNotContainKey(NO_ROW);
    }

    @Test
    void oddSegmentsAndMissingAmountsFireWhatThePolicyNamesOrNothing() {
        Map<Integer, Integer> hits = new TreeMap<>();

        assertThat(disagreements(table, oddGrid(), hits)).isEmpty();
        assertThat(hits).containsKeys(NO_ROW, R1, R5, R6, R8, R9, R11, R12);
        assertThat(hits.keySet()).allMatch(row -> row <= R12, "gaps or rows up to R12 only");
    }

    @Test
    void theGridComparisonNoticesARowThatStrayedFromThePolicy() throws IOException {
        // R11 hands over from 100 days instead of 120: the grid's 119-day accounts must now disagree.
        CollectionPathTable strayed = CollectionPathTable.compile(edited(
                new Edit("Days past due: at least", R11, cell -> cell.setCellValue(100))));

        List<String> disagreements = disagreements(strayed, grid(), new TreeMap<>());

        assertThat(disagreements).isNotEmpty().allMatch(d -> d.contains("daysPastDue=119,"))
                .anyMatch(d -> d.endsWith("fired " + List.of(R11) + ", the policy names row " + R13));
    }

    @Test
    void refusesASheetWhereSeveralRowsCouldDecideOneAccount() throws IOException {
        // Without the activation group every matching row fires, and the last one's cells win.
        byte[] noGroup = edited(ALL_ROWS.stream()
                .map(row -> new Edit("First match wins (group)", row, Cell::setBlank)).toArray(Edit[]::new));
        byte[] oneRowWithout = edited(new Edit("First match wins (group)", R5, Cell::setBlank));
        byte[] twoGroups = edited(new Edit("First match wins (group)", R8, cell -> cell.setCellValue("other")));

        assertThatThrownBy(() -> CollectionPathTable.compile(noGroup))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages())
                        .hasSize(ALL_ROWS.size()).first().asString()
                        .isEqualTo("row " + R1 + ": no ACTIVATION-GROUP (first match wins) value; every row needs"
                                + " the same one, or several rows could decide one account"));
        assertThatThrownBy(() -> CollectionPathTable.compile(oneRowWithout))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages())
                        .singleElement().asString().startsWith("row " + R5 + ": no ACTIVATION-GROUP"));
        assertThatThrownBy(() -> CollectionPathTable.compile(twoGroups))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages())
                        .singleElement().asString().contains("'other' in rows [" + R8 + "]"));
    }

    @Test
    void decidesTheSameWhenManyThreadsAskAtOnce() throws Exception {
        List<AccountSituation> grid = grid();
        List<AccountSituation> situations = IntStream.range(0, 800)
                .mapToObj(i -> grid.get(i * grid.size() / 800)).toList(); // spread over the whole grid
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CollectionDecision>> answers = pool.invokeAll(
                    situations.stream().map(s -> (Callable<CollectionDecision>) () -> table.decide(s)).toList());
            for (int i = 0; i < situations.size(); i++) {
                assertThat(answers.get(i).get().citation().row()).isEqualTo(policyRow(situations.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decidesABatchExactlyAsItDecidesEachAccount() {
        List<AccountSituation> grid = grid();
        // The same account twice, and a copy of another: each gets its own answer.
        List<AccountSituation> batch = new ArrayList<>(grid);
        batch.add(grid.get(7));
        batch.add(account(a -> a.setHandedToAgency(true)));

        List<CollectionDecision> decisions = table.decideAll(batch);

        assertThat(decisions).hasSameSizeAs(batch);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(decisions.get(i)).as("%s", batch.get(i)).isEqualTo(table.decide(batch.get(i)));
        }
        assertThat(decisions.stream().map(d -> d.citation().row()).distinct())
                .containsExactlyInAnyOrderElementsOf(ALL_ROWS);
    }

    @Test
    void aBatchReportsTheAccountNoRowCovers() {
        AccountSituation gap = account(a -> a.setSegment("GOVERNMENT"));
        List<AccountSituation> batch = List.of(account(a -> { }), gap, account(a -> a.setDaysPastDue(40)));

        assertThatThrownBy(() -> table.decideAll(batch))
                .isInstanceOfSatisfying(NoMatchingRuleException.class, e -> assertThat(e.situation()).isSameAs(gap));
        assertThat(table.decideAll(List.of())).isEmpty();
    }

    // --- Sheets that must not be used.

    @Test
    void rejectsRowsThatCannotBeCarriedOut() throws IOException {
        byte[] incomplete = edited(
                new Edit("Action", R2, Cell::setBlank),
                new Edit("Candidate group (who gets the task)", R11, Cell::setBlank),
                new Edit("Email template", R14, cell -> cell.setCellValue("  ")));

        assertThatThrownBy(() -> CollectionPathTable.compile(incomplete))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages()).containsExactly(
                        "row " + R2 + ": the Action cell is empty",
                        "row " + R11 + ": Action AGENCY needs a candidate group (who gets the task)",
                        "row " + R14 + ": Action REMIND needs an email template"));
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
            for (int row : ALL_ROWS) {
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
        byte[] typo = edited(new Edit("Action", R18, cell -> cell.setCellValue("REMINDER")));

        assertThatThrownBy(() -> CollectionPathTable.compile(typo))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages())
                        .singleElement().asString().startsWith("row " + R18 + ":").contains("REMINDER"));
    }

    @Test
    void namesTheSheetRowAndTheAllowedWordsOfAMisspeltWord() throws IOException {
        byte[] typos = edited(
                new Edit("With the collection agency", R1, cell -> cell.setCellValue("maybe")),
                new Edit("Segment (one or more)", R18, cell -> cell.setCellValue("CONSUMR, PATIENT")));

        assertThatThrownBy(() -> CollectionPathTable.compile(typos))
                .isInstanceOfSatisfying(RuleTableException.class, e -> assertThat(e.messages())
                        .containsExactlyInAnyOrder(
                                "row " + R1 + ": \"maybe\" is not one of yes, Yes, YES, no, No, NO"
                                        + " (in handedToAgency == YesNo.maybe)",
                                "row " + R18 + ": \"CONSUMR\" is not one of"
                                        + " CONSUMER, SMALL_BUSINESS, ENTERPRISE, PATIENT"
                                        + " (in segment == Segments.CONSUMR || segment == Segments.PATIENT)"));
    }

    @Test
    void versionIsTheSha256OfTheSpreadsheetBytes() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sheet));

        assertThat(table.name()).isEqualTo("collection-path");
        assertThat(table.version()).isEqualTo(sha256).matches("[0-9a-f]{64}");
        assertThat(table.decide(account(s -> { })).citation())
                .isEqualTo(new RuleCitation("collection-path", sha256, R18, "R18", null));
    }

    // --- Helpers.

    /** The policy R1..R25 restated in plain Java, independently of the sheet; {@link #NO_ROW} for a gap. */
    private static int policyRow(AccountSituation s) {
        BigDecimal amount = s.getOverdueAmount();
        int days = s.getDaysPastDue();
        int sent = s.getRemindersSent();
        if (s.isHandedToAgency()) {
            return R1;
        } else if (s.isDunningPaused()) {
            return R2;
        } else if (s.isOpenPromise()) {
            return R3;
        } else if (s.isActivePlan()) {
            return R4;
        } else if (s.isOpenDispute() && amount != null && amount.compareTo(amount("0.01")) < 0) {
            return R5;
        } else if (s.getDaysUntilNextStep() >= 1) {
            return R6;
        } else if (s.isHardship() && s.getBrokenPlans() >= 2) {
            return R7;
        } else if (s.isHardship()) {
            return R8;
        } else if (amount != null && amount.compareTo(amount("25")) < 0 && days >= 90
                && s.getDaysSinceLastAction() >= 30) {
            return R9;
        } else if (days >= 120) {
            return "PATIENT".equals(s.getSegment()) ? R10 : R11;
        } else if (s.getBrokenPromises() >= 2) {
            return R12;
        } else if (!knownSegment(s.getSegment()) || amount == null || amount.signum() < 0) {
            return NO_ROW; // R13..R25 are about a known segment and a known amount.
        } else if (days >= 60 && sent <= 0) {
            return R13;
        } else if (s.getSegment().equals("ENTERPRISE")) {
            return sent <= 0 ? R14 : R15;
        } else if (sent >= 1 && "D".equals(s.getRiskBand())) {
            return R16;
        } else if (sent >= 1 && amount.compareTo(amount("10000")) >= 0) {
            return R17;
        }
        boolean smallBusiness = s.getSegment().equals("SMALL_BUSINESS");
        if (sent <= 0) {
            return smallBusiness ? R19 : R18;
        } else if (sent == 1) {
            return smallBusiness ? R21 : R20;
        } else if (sent == 2) {
            return smallBusiness ? R23 : R22;
        }
        return smallBusiness ? R25 : R24;
    }

    /** For each situation, what fired unless it is exactly the row the policy names; counts which rows fired. */
    private static List<String> disagreements(CollectionPathTable rules, List<AccountSituation> situations,
            Map<Integer, Integer> hits) {
        List<String> disagreements = new ArrayList<>();
        for (AccountSituation s : situations) {
            List<Integer> fired = rules.firedRows(s);
            int expected = policyRow(s);
            if (!fired.equals(expected == NO_ROW ? List.of() : List.of(expected))) {
                disagreements.add(s + " fired " + fired + ", the policy names "
                        + (expected == NO_ROW ? "no row" : "row " + expected));
            }
            (fired.isEmpty() ? List.of(NO_ROW) : fired).forEach(row -> hits.merge(row, 1, Integer::sum));
        }
        return disagreements;
    }

    /**
     * Every combination of the thresholds' both sides for the numbers, segments, risk bands and up to
     * four emails sent; each is tried with no flag set and with one of eleven flag sets, taken in
     * turn. Eleven is prime to the inner loops' 40 combinations, so each flag set meets all of them.
     */
    private static List<AccountSituation> grid() {
        boolean[][] flagSets = { // promise, plan, dispute, hardship, paused, agency
                {true, false, false, false, false, false}, {false, true, false, false, false, false},
                {false, false, true, false, false, false}, {false, false, false, true, false, false},
                {false, false, false, false, true, false}, {false, false, false, false, false, true},
                {false, false, true, true, false, false}, {false, false, false, true, false, true},
                {true, true, false, false, false, false}, {false, false, true, false, true, false},
                {true, true, true, true, true, true}};
        List<AccountSituation> grid = new ArrayList<>();
        int turn = 0;
        for (int days : new int[] {59, 60, 89, 90, 119, 120}) {
            for (String amount : List.of("0.00", "0.01", "24.99", "25.00", "9999.99", "10000.00")) {
                for (String segment : List.of("CONSUMER", "SMALL_BUSINESS", "ENTERPRISE", "PATIENT")) {
                    for (String risk : List.of("A", "B", "C", "D")) {
                        for (int sent = 0; sent <= 4; sent++) {
                            for (int sinceLast : new int[] {29, 30}) {
                                for (int untilNext : new int[] {0, 1}) {
                                    for (int broken : new int[] {1, 2}) {
                                        boolean[] flags = flagSets[turn++ % flagSets.length];
                                        for (boolean[] f : List.of(new boolean[6], flags)) {
                                            AccountSituation s = new AccountSituation(days, amount(amount), segment,
                                                    risk, sent, sinceLast, untilNext, broken, f[0], f[1], f[2], f[3],
                                                    f[4], f[5]);
                                            s.setBrokenPlans(broken); // broken plans as often as broken promises
                                            grid.add(s);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return grid;
    }

    /**
     * Segments outside the four, or no amount: only the guards and the rows up to R12 may decide.
     * Each is tried with no flag set and with each flag alone.
     */
    private static List<AccountSituation> oddGrid() {
        List<String> segments = Arrays.asList("GOVERNMENT", null, "consumer",
                "CONSUMER", "SMALL_BUSINESS", "ENTERPRISE", "PATIENT");
        List<AccountSituation> grid = new ArrayList<>();
        for (String segment : segments) {
            for (String amount : Arrays.asList(null, "0.00", "50.00", "10000.00")) {
                if (knownSegment(segment) && amount != null) {
                    continue; // an ordinary account: the main grid's business
                }
                for (int days : new int[] {95, 120}) {
                    for (int sent = 0; sent <= 4; sent++) {
                        for (String risk : List.of("A", "D")) {
                            for (int untilNext : new int[] {0, 1}) {
                                for (int broken : new int[] {0, 2}) {
                                    for (int flag = -1; flag < 6; flag++) {
                                        boolean[] f = new boolean[6];
                                        if (flag >= 0) {
                                            f[flag] = true;
                                        }
                                        grid.add(new AccountSituation(days, amount == null ? null : amount(amount),
                                                segment, risk, sent, 30, untilNext, broken,
                                                f[0], f[1], f[2], f[3], f[4], f[5]));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return grid;
    }

    /**
     * A consumer 20 days past due with 250.00 open, risk band B, nothing sent yet and nothing pending;
     * each scenario changes what it is about.
     */
    private static AccountSituation account(Consumer<AccountSituation> scenario) {
        AccountSituation s = new AccountSituation(20, amount("250.00"), "CONSUMER", "B", 0, 20, 0, 0,
                false, false, false, false, false, false);
        scenario.accept(s);
        return s;
    }

    private static AccountSituation smallOldBalance(String amount, int daysPastDue, int daysSinceLastAction) {
        return account(s -> {
            s.setOverdueAmount(amount(amount));
            s.setDaysPastDue(daysPastDue);
            s.setDaysSinceLastAction(daysSinceLastAction);
        });
    }

    private static void assertDecision(AccountSituation s, CollectionAction action, int level, String template,
            int waitDays, int priority, String group, String reason, int row) {
        assertThat(table.decide(s)).isEqualTo(new CollectionDecision(action, level, template, waitDays, priority,
                group, reason, new RuleCitation("collection-path", table.version(), row, label(row), null)));
    }

    /** The sheet's own label of a rule row: the policy's R1 sits in spreadsheet row 18. */
    private static String label(int row) {
        return "R" + (row - R1 + 1);
    }

    private static boolean knownSegment(String segment) {
        return segment != null && SEGMENTS.contains(segment);
    }

    private static BigDecimal amount(String amount) {
        return new BigDecimal(amount);
    }

    private static int rowFor(AccountSituation s) {
        return table.decide(s).citation().row();
    }

    /** One cell to change in a copy of the shipped sheet: the column by its header, the row as Excel numbers it. */
    private record Edit(String header, int row, Consumer<Cell> change) {
    }

    private static byte[] edited(Edit... edits) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(sheet))) {
            Sheet rules = workbook.getSheetAt(0);
            for (Edit edit : edits) {
                Row row = rules.getRow(edit.row() - 1);
                Cell cell = row.getCell(column(rules, edit.header()), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                edit.change().accept(cell);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
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
