package io.recollect.web;

import io.recollect.reporting.DashboardService;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessTime;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what this person's work is and where to do it. Collectors get their tasks by
 * priority and today's calls; managers, finance and admins the dashboard's headline figures.
 */
@Controller
class HomeController {

    private static final int MY_TASKS = 10;
    private static final String CONTACT_TASK = "Task_ContactCustomer";

    private final TaskService tasks;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final DashboardService dashboard;

    HomeController(TaskService tasks, BusinessTime businessTime, Clock clock, DashboardService dashboard) {
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser.get().filter(user -> user.inAny(Roles.COLLECTORS)).ifPresent(user -> {
            // the engine's candidate query knows the user's groups, teams included
            List<Task> mine = tasks.createTaskQuery().or().taskAssignee(user.id()).taskCandidateUser(user.id()).endOr()
                    .orderByTaskPriority().desc().orderByDueDate().asc().listPage(0, MY_TASKS);
            Date endOfToday = Date.from(businessTime.today(clock).plusDays(1).atStartOfDay(businessTime.zone())
                    .toInstant());
            List<Task> calls = tasks.createTaskQuery().or().taskAssignee(user.id()).taskCandidateUser(user.id()).endOr()
                    .taskDefinitionKey(CONTACT_TASK).dueBefore(endOfToday).orderByTaskPriority().desc().list();
            model.addAttribute("myTasks", mine).addAttribute("todaysCalls", calls);
        });
        CurrentUser.get().filter(user -> user.inAny(Roles.MANAGERS, Roles.FINANCE, Roles.ADMIN))
                .ifPresent(user -> model.addAttribute("headline", dashboard.compute(null)));
        return "web/home";
    }
}
