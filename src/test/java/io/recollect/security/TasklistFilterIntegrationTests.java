package io.recollect.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist opens on "My group's tasks by priority": one shared filter, made at startup, listed
 * first for collectors, managers and finance, whose tasks come highest priority first.
 */
class TasklistFilterIntegrationTests extends IntegrationTest {

    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    TasklistFilters setup;

    private final List<String> standalone = new ArrayList<>();

    @AfterEach
    void removeTasks() {
        standalone.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void startingAgainKeepsOneFilterWithItsReadGrants() {
        setup.run(null);
        setup.run(null);

        List<Filter> found = filterService.createFilterQuery().filterName(TasklistFilters.BY_PRIORITY).list();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getProperties()).containsEntry("priority", TasklistFilters.FIRST);
    }

    @Test
    void collectorsManagersAndFinanceSeeItFirstInTheTasklistFilters() {
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
        for (String user : List.of("collector", "manager", "finance")) {
            // what Tasklist asks for its filter list
            JsonNode listed = get(user, "/engine-rest/filter?resourceType=Task&itemCount=true");
            List<JsonNode> inTasklistOrder = StreamSupport.stream(listed.spliterator(), false)
                    .sorted(Comparator.comparingInt(f -> f.path("properties").path("priority").asInt(0))).toList();
            assertThat(inTasklistOrder).as(user).isNotEmpty();
            assertThat(inTasklistOrder.get(0).path("name").asText()).as(user).isEqualTo(TasklistFilters.BY_PRIORITY);
        }
        JsonNode forIntegrations = get("integration", "/engine-rest/filter?resourceType=Task");
        assertThat(forIntegrations.findValuesAsText("name")).doesNotContain(TasklistFilters.BY_PRIORITY);
    }

    @Test
    void itsTasksComeHighestPriorityFirstThenEarliestDue() {
        String low = offerToCollectors("filter test low", 10, null);
        String highLater = offerToCollectors("filter test high later", 80, START.plusSeconds(86_400 * 3));
        String highSooner = offerToCollectors("filter test high sooner", 80, START.plusSeconds(86_400));
        String middle = offerToCollectors("filter test middle", 50, null);
        Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.BY_PRIORITY).singleResult();

        JsonNode tasks = get("collector", "/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=1000");

        List<String> ids = tasks.findValuesAsText("id");
        List<Integer> priorities = StreamSupport.stream(tasks.spliterator(), false)
                .map(task -> task.path("priority").asInt()).toList();
        assertThat(priorities).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids.stream().filter(standalone::contains)).containsExactly(highSooner, highLater, middle, low);
        // a manager outside the collectors' group does not get the collectors' work in this filter
        JsonNode forManager = get("manager", "/engine-rest/filter/" + filter.getId() + "/list?maxResults=1000");
        assertThat(forManager.findValuesAsText("id")).doesNotContain(low, middle, highLater, highSooner);
    }

    private String offerToCollectors(String name, int priority, java.time.Instant due) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setPriority(priority);
        if (due != null) {
            task.setDueDate(java.util.Date.from(due));
        }
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Roles.COLLECTORS);
        standalone.add(task.getId());
        return task.getId();
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = as(user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
