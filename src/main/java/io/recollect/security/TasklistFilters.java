package io.recollect.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter collectors open first: the tasks offered to their groups (teams included)
 * and those assigned, highest priority first, then the earliest due. The collection-path table's
 * priority is the task's, so this is the table's order of work. Created or brought up to date at
 * every start; startup runs on one node at a time (see {@code StartupLock}), so two nodes starting
 * together make one filter, not two.
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

    static final String BY_PRIORITY = "My group's tasks by priority";
    /** Tasklist lists filters by this property, lowest first; Camunda's "All tasks" has none (0). */
    static final int FIRST = -100;
    private static final List<String> SEE_IT = List.of(Roles.COLLECTORS, Roles.MANAGERS, Roles.FINANCE);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Filter> existing = filters.createFilterQuery().filterName(BY_PRIORITY).orderByFilterId().asc().list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(BY_PRIORITY) : existing.get(0);
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByTaskPriority().desc().orderByDueDate().asc();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", "Tasks offered to your groups and teams, highest priority first, then the earliest due");
        properties.put("priority", FIRST);
        properties.put("color", "#b0413e");
        properties.put("refresh", true);
        properties.put("showUndefinedVariables", false);
        filter.setQuery(query).setProperties(properties).setOwner(null);
        filters.saveFilter(filter);
        for (String group : SEE_IT) {
            grantRead(group, filter.getId());
        }
    }

    private void grantRead(String group, String filterId) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.FILTER).resourceId(filterId).singleResult();
        if (existing != null && existing.isPermissionGranted(Permissions.READ)) {
            return;
        }
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filterId);
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
    }
}
