package io.recollect.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The write-off-approval table's own check of required cells, for the shared compiler: an
 * Approval in every row, and where a person approves, who (a candidate group) and by when (SLA).
 */
public final class WriteOffRequiredCells {

    private static final String APPROVAL = "outcome.setApproval(";
    private static final String AUTO = "WriteOffApproval.AUTO)";
    private static final String GROUP = "outcome.setCandidateGroup(";
    private static final String SLA = "outcome.setSlaDays(";

    private WriteOffRequiredCells() {
    }

    /** What a write-off-approval row lacks, for the shared compiler; empty when nothing. */
    public static List<String> missing(Integer row, List<String> actions) {
        Optional<String> approval = actions.stream().filter(a -> a.startsWith(APPROVAL)).findFirst();
        if (approval.isEmpty()) {
            return List.of("row " + row + ": the Approval cell is empty");
        }
        if (approval.get().contains(AUTO)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (actions.stream().noneMatch(a -> a.startsWith(GROUP))) {
            missing.add("row " + row + ": a person approves, so it needs a candidate group (who gets the task)");
        }
        if (actions.stream().noneMatch(a -> a.startsWith(SLA))) {
            missing.add("row " + row + ": a person approves, so it needs the days to decide (SLA)");
        }
        return missing;
    }
}
