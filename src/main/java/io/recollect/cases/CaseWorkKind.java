package io.recollect.cases;

import io.recollect.rules.CollectionAction;

/** What a decision asks of the collection-case process. */
enum CaseWorkKind {
    CONTACT(CollectionCaseProcess.TASK_CONTACT_CUSTOMER),
    /** Start the hardship-plan process (no task of the case's own; the name is kept for queued rows). */
    DECIDE_PLAN(null),
    DECIDE_WRITE_OFF(CollectionCaseProcess.TASK_REQUEST_WRITE_OFF),
    AGENCY_HANDOVER(CollectionCaseProcess.TASK_HAND_OVER_TO_AGENCY),
    /** Nothing is overdue: end whatever the case process is doing. */
    CLOSE(null);

    private final String taskKey;

    CaseWorkKind(String taskKey) {
        this.taskKey = taskKey;
    }

    /** The activity this work starts in the case process (a user task, or the step that requests a write-off), or null. */
    String taskKey() {
        return taskKey;
    }

    /** Whether carrying it out opens a task for people (the write-off and plan steps start processes of their own). */
    boolean opensTask() {
        return this == CONTACT || this == AGENCY_HANDOVER;
    }

    /** The work an action needs from people, or null when the run does it all (letters, holds). */
    static CaseWorkKind forAction(CollectionAction action) {
        return switch (action) {
            case ESCALATE -> CONTACT;
            case OFFER_PLAN -> DECIDE_PLAN;
            case WRITE_OFF -> DECIDE_WRITE_OFF;
            case AGENCY -> AGENCY_HANDOVER;
            case REMIND, FINAL_NOTICE, HOLD -> null;
        };
    }
}
