package io.recollect.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The start page shows each role its work: collectors their tasks and today's calls, managers and finance the portfolio. */
class StartPageByRoleIntegrationTests extends IntegrationTest {

    @Autowired
    TaskService taskService;

    private final List<String> standalone = new ArrayList<>();

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
    }

    @AfterEach
    void removeTasks() {
        standalone.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void aCollectorSeesTasksHighestPriorityFirstAndTheCallsDueToday() {
        CustomerView customer = escalatedEnterpriseCase("500.00");
        Task contact = cases.openTask(customer);
        String top = offerToCollectors("Start page test: most urgent", 100);
        // due tomorrow: not one of today's calls
        contact.setDueDate(Date.from(time.now().plus(Duration.ofDays(1))));
        taskService.saveTask(contact);

        String tomorrow = page("collector");
        assertThat(tomorrow.indexOf("Start page test: most urgent")).isPositive()
                .isLessThan(tomorrow.indexOf("Today's calls"));
        assertThat(tomorrow.substring(tomorrow.indexOf("Today's calls"))).doesNotContain(contact.getName())
                .contains("No calls due today.");

        contact.setDueDate(Date.from(time.now().plus(Duration.ofMinutes(30))));
        taskService.saveTask(contact);
        String today = page("collector");
        assertThat(today.substring(today.indexOf("Today's calls"))).contains(contact.getName());
        assertThat(today).doesNotContain("The portfolio today");
        assertThat(standalone).contains(top);
    }

    @Test
    void managersAndFinanceSeeTheDashboardsHeadlineFigures() {
        escalatedEnterpriseCase("500.00");
        JsonNode dashboard = as("manager").getForEntity("/api/dashboard", JsonNode.class).getBody();
        JsonNode eur = null;
        for (JsonNode c : dashboard.path("currencies")) {
            if (c.path("currency").asText().equals("EUR")) {
                eur = c;
            }
        }
        assertThat(eur).isNotNull();

        for (String user : List.of("manager", "finance")) {
            String body = page(user);
            assertThat(body).as(user).contains("The portfolio today", "href=\"/dashboard\"").doesNotContain("My tasks, highest");
            String overdue = body.replaceAll("(?s).*id=\"home-overdue-EUR\">([^<]*)<.*", "$1");
            assertThat(overdue).as(user).startsWith("EUR ");
            // the page shows "EUR 2,900.00"; the JSON gives the number
            assertThat(new java.math.BigDecimal(overdue.substring(4).replace(",", ""))).as(user)
                    .isEqualByComparingTo(eur.path("overdue").path("amount").decimalValue());
        }
        assertThat(page("collector")).doesNotContain("The portfolio today");
    }

    private String offerToCollectors(String name, int priority) {
        Task task = taskService.newTask();
        task.setName(name);
        task.setPriority(priority);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Roles.COLLECTORS);
        standalone.add(task.getId());
        return task.getId();
    }

    private String page(String user) {
        ResponseEntity<String> page = as(user).getForEntity("/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return HtmlUtils.htmlUnescape(page.getBody());
    }
}
