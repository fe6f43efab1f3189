package io.recollect.bench;

import static io.recollect.rules.CollectionAction.AGENCY;
import static io.recollect.rules.CollectionAction.ESCALATE;
import static io.recollect.rules.CollectionAction.FINAL_NOTICE;
import static io.recollect.rules.CollectionAction.HOLD;
import static io.recollect.rules.CollectionAction.OFFER_PLAN;
import static io.recollect.rules.CollectionAction.REMIND;
import static io.recollect.rules.CollectionAction.WRITE_OFF;

import java.math.BigDecimal;

import io.recollect.rules.AccountSituation;
import io.recollect.rules.CollectionAction;
import io.recollect.rules.CollectionDecision;

/**
 * The collection-path policy (README, "The collection path") as plain ifs: the floor the
 * decision benchmark measures the rule engines against. Each answer is the sheet row's cells.
 */
final class CollectionPathInJava {

    /** One row's answer, comparable across the three ways of deciding. */
    record Answer(int sheetRow, CollectionAction action, int dunningLevel, String template, int waitDays,
            int priority, String candidateGroup, String reason) {

        static Answer of(CollectionDecision d) {
            return new Answer(d.citation().row(), d.action(), d.dunningLevel(), d.template(), d.waitDays(),
                    d.priority(), d.candidateGroup(), d.reason());
        }
    }

    private static final String MANAGERS = "collection-managers";
    private static final String COLLECTORS = "collectors";
    private static final String FIRST = "First friendly reminder";
    private static final String SECOND = "Second reminder";
    private static final String FINAL = "Final notice before a call";
    private static final String UNANSWERED = "Final notice unanswered: a collector calls";

    static final Answer R1 = new Answer(18, HOLD, 0, null, 30, 0, null,
            "With the collection agency: wait for its report");
    static final Answer R2 = new Answer(19, HOLD, 0, null, 30, 0, null, "Dunning is paused");
    static final Answer R3 = new Answer(20, HOLD, 0, null, 30, 0, null, "Waiting for the promised payment");
    static final Answer R4 = new Answer(21, HOLD, 0, null, 30, 0, null, "A payment plan is running");
    static final Answer R5 = new Answer(22, HOLD, 0, null, 30, 0, null, "Only disputed invoices are overdue");
    static final Answer R6 = new Answer(23, HOLD, 0, null, 30, 0, null, "Waiting out the last step");
    static final Answer R7 = new Answer(24, ESCALATE, 0, null, 14, 70, COLLECTORS,
            "Hardship reported after two broken plans: a collector calls, no other plan is offered");
    static final Answer R8 = new Answer(25, OFFER_PLAN, 0, null, 14, 70, MANAGERS,
            "Customer reported hardship: decide on a payment plan");
    static final Answer R9 = new Answer(26, WRITE_OFF, 0, null, 30, 30, MANAGERS,
            "Small balance past 90 days: not worth pursuing");
    static final Answer R10 = new Answer(27, OFFER_PLAN, 0, null, 30, 60, MANAGERS,
            "Patients are never sent to an agency: offer a payment plan");
    static final Answer R11 = new Answer(28, AGENCY, 0, "agency-notice", 30, 60, MANAGERS,
            "Over 120 days past due: hand over to the agency");
    static final Answer R12 = new Answer(29, ESCALATE, 0, null, 7, 80, COLLECTORS,
            "Two promises broken: a collector calls");
    static final Answer R13 = new Answer(30, ESCALATE, 0, null, 7, 65, COLLECTORS,
            "Found 60 days overdue before any reminder: a collector calls first");
    static final Answer R14 = new Answer(31, REMIND, 1, "reminder-friendly", 7, 0, null,
            "Enterprise: one friendly reminder");
    static final Answer R15 = new Answer(32, ESCALATE, 0, null, 7, 70, COLLECTORS,
            "Enterprise: the account manager calls after one reminder");
    static final Answer R16 = new Answer(33, ESCALATE, 0, null, 7, 75, COLLECTORS,
            "High-risk account: call after the first reminder");
    static final Answer R17 = new Answer(34, ESCALATE, 0, null, 7, 90, COLLECTORS,
            "Large balance still unpaid after a reminder");
    static final Answer R18 = new Answer(35, REMIND, 1, "reminder-friendly", 14, 0, null, FIRST);
    static final Answer R19 = new Answer(36, REMIND, 1, "reminder-friendly", 10, 0, null, FIRST);
    static final Answer R20 = new Answer(37, REMIND, 2, "reminder-firm", 14, 0, null, SECOND);
    static final Answer R21 = new Answer(38, REMIND, 2, "reminder-firm", 10, 0, null, SECOND);
    static final Answer R22 = new Answer(39, FINAL_NOTICE, 3, "final-notice", 14, 0, null, FINAL);
    static final Answer R23 = new Answer(40, FINAL_NOTICE, 3, "final-notice", 10, 0, null, FINAL);
    static final Answer R24 = new Answer(41, ESCALATE, 0, null, 10, 50, COLLECTORS, UNANSWERED);
    static final Answer R25 = new Answer(42, ESCALATE, 0, null, 7, 60, COLLECTORS, UNANSWERED);

    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");
    private static final BigDecimal SMALL_BALANCE = new BigDecimal("25.00");
    private static final BigDecimal LARGE_BALANCE = new BigDecimal("10000.00");

    private CollectionPathInJava() {
    }

    /** The first row that fits, or {@code null} where the sheet has a gap (unknown segment, no amount). */
    static Answer decide(AccountSituation s) {
        BigDecimal amount = s.getOverdueAmount();
        String segment = s.getSegment();
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
        } else if (s.isOpenDispute() && amount != null && amount.compareTo(ONE_CENT) < 0) {
            return R5;
        } else if (s.getDaysUntilNextStep() >= 1) {
            return R6;
        } else if (s.isHardship() && s.getBrokenPlans() >= 2) {
            return R7;
        } else if (s.isHardship()) {
            return R8;
        } else if (days >= 90 && amount != null && amount.compareTo(SMALL_BALANCE) < 0
                && s.getDaysSinceLastAction() >= 30) {
            return R9;
        } else if (days >= 120) {
            return "PATIENT".equals(segment) ? R10 : R11;
        } else if (s.getBrokenPromises() >= 2) {
            return R12;
        }
        boolean consumerOrPatient = "CONSUMER".equals(segment) || "PATIENT".equals(segment);
        boolean smallBusiness = "SMALL_BUSINESS".equals(segment);
        boolean enterprise = "ENTERPRISE".equals(segment);
        if (!(consumerOrPatient || smallBusiness || enterprise) || amount == null || amount.signum() < 0) {
            return null; // R13..R25 name a known segment and an amount of at least 0.00
        } else if (days >= 60 && sent <= 0) {
            return R13;
        } else if (enterprise) {
            return sent <= 0 ? R14 : R15;
        } else if (sent >= 1 && "D".equals(s.getRiskBand())) {
            return R16;
        } else if (sent >= 1 && amount.compareTo(LARGE_BALANCE) >= 0) {
            return R17;
        } else if (sent <= 0) {
            return smallBusiness ? R19 : R18;
        } else if (sent == 1) {
            return smallBusiness ? R21 : R20;
        } else if (sent == 2) {
            return smallBusiness ? R23 : R22;
        }
        return smallBusiness ? R25 : R24;
    }
}
