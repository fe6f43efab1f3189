package io.recollect.rules.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.recollect.rules.CollectionAction;

/**
 * The ACTION cells a row must fill for its decision to be carried out: an email cannot be sent
 * without a template, and a task nobody can claim is never done. Such a row compiles cleanly,
 * so without this check it would first fail in production, on the account it was meant for.
 */
final class RequiredCells {

    private static final Set<CollectionAction> SEND_EMAIL =
            EnumSet.of(CollectionAction.REMIND, CollectionAction.FINAL_NOTICE, CollectionAction.AGENCY);
    private static final Set<CollectionAction> CREATE_TASK = EnumSet.of(CollectionAction.ESCALATE,
            CollectionAction.OFFER_PLAN, CollectionAction.WRITE_OFF, CollectionAction.AGENCY);

    // What the sheet's grey snippet row turns the Action, Template and Candidate group cells into.
    private static final Pattern ACTION = Pattern.compile("^outcome\\.setAction\\(.*CollectionAction\\.(\\w+)\\)");
    private static final String TEMPLATE = "outcome.setTemplate(";
    private static final String GROUP = "outcome.setCandidateGroup(";

    private RequiredCells() {
    }

    /** What the row lacks, in words for the person who edits the sheet; empty when nothing. */
    static List<String> missing(int row, List<String> actions) {
        Optional<CollectionAction> action = actions.stream().map(ACTION::matcher).filter(Matcher::find)
                .map(m -> CollectionAction.valueOf(m.group(1))).findFirst();
        if (action.isEmpty()) {
            return List.of("row " + row + ": the Action cell is empty");
        }
        boolean template = actions.stream().anyMatch(a -> a.startsWith(TEMPLATE));
        boolean group = actions.stream().anyMatch(a -> a.startsWith(GROUP));
        String must = "row " + row + ": Action " + action.get() + " needs ";
        List<String> missing = new ArrayList<>();
        if (SEND_EMAIL.contains(action.get()) && !template) {
            missing.add(must + "an email template");
        }
        if (CREATE_TASK.contains(action.get()) && !group) {
            missing.add(must + "a candidate group (who gets the task)");
        }
        return missing;
    }
}
