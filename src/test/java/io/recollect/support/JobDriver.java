package io.recollect.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the engine's due jobs in the test thread, as the job executor would, until none is due. */
public class JobDriver {

    private static final int MAX_ROUNDS = 200;

    private final ManagementService management;

    JobDriver(ManagementService management) {
        this.management = management;
    }

    /** Executes every job due at the engine's current time, including the ones they create. */
    public int runDueJobs() {
        int executed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    executed++;
                } catch (OptimisticLockingException concurrentChange) {
                    // An event listener moved the same process meanwhile; the job executor would
                    // simply try again, and so does the next round.
                }
            }
        }
        throw new IllegalStateException("Jobs still due after " + MAX_ROUNDS + " rounds: a loop in a process?");
    }
}
