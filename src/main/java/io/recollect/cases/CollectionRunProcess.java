package io.recollect.cases;

/** Names shared between processes/collection-run.bpmn and the code that drives it. */
public final class CollectionRunProcess {

    public static final String KEY = "collection-run";
    public static final String VAR_RUN_ID = "runId";
    /** One element per batch the run plans; each becomes a job of the multi-instance step. */
    public static final String VAR_BATCHES = "batches";
    /** The run's dispatch jobs, one per batch of case work (processes/collection-run.bpmn). */
    public static final String VAR_WORK_BATCHES = "workBatches";
    public static final String VAR_EMAIL_BATCHES = "emailBatches";

    private CollectionRunProcess() {
    }
}
