package io.recollect.cases;

import io.recollect.shared.Actors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who completed a task: the user the engine authenticated (Tasklist, REST), else its assignee. */
final class ProcessActors {

    private ProcessActors() {
    }

    static String of(DelegateTask task) {
        String authenticated = authenticated(task.getProcessEngineServices().getIdentityService());
        return authenticated != null ? authenticated : task.getAssignee() != null ? task.getAssignee() : Actors.SYSTEM;
    }

    static String of(IdentityService identity) {
        String authenticated = authenticated(identity);
        return authenticated != null ? authenticated : Actors.SYSTEM;
    }

    private static String authenticated(IdentityService identity) {
        var authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
