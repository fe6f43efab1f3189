package io.recollect.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the task endpoints of Camunda's REST API, both doors of it: /engine-rest and
 * the webapps' /camunda/api/engine that Tasklist uses. Camunda lets whoever may work a task write
 * any variable on its process; here a person (not an admin) may only claim a task for themselves,
 * comment on it, and complete it with the fields its form declares, each of its type. Everything
 * else that changes a task (variables, assignee of another, candidate groups, due dates, delegation)
 * is refused with a 403 problem; a bad submission gets a 400 problem naming the fields. Nothing
 * reaches the engine in either case, so nothing changes.
 */
class TaskRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskRequestGuard.class);
    private static final Pattern TASK_PATH =
            Pattern.compile("^(?:/engine-rest|/camunda/api/engine)(?:/engine/[^/]+)?/task(/.*)?$");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Far above any form of ours; a larger body is not a form submission. */
    private static final int MAX_BODY = 256 * 1024;
    private static final String PROBLEMS = "https://recollect.io/problems/";

    private final TaskService tasks;
    private final FormService forms;
    private final ObjectMapper json;
    private final List<TaskCompletionCheck> checks;

    TaskRequestGuard(TaskService tasks, FormService forms, ObjectMapper json, List<TaskCompletionCheck> checks) {
        this.tasks = tasks;
        this.forms = forms;
        this.json = json;
        this.checks = checks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher task = TASK_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!task.matches() || READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> path = task.group(1) == null ? List.of()
                : Arrays.stream(task.group(1).split("/")).filter(s -> !s.isEmpty()).toList();
        // An admin may change tasks, but who decides what is not theirs to bypass.
        boolean completion = path.size() == 2 && Set.of("complete", "submit-form").contains(path.get(1));
        if (isAdmin() && !completion) {
            chain.doFilter(request, response);
            return;
        }
        if (path.isEmpty() || path.equals(List.of("count"))) {
            chain.doFilter(request, response); // a task query sent as POST
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, 413, "request-too-large", "Request too large", "A task request is at most 256 KiB", null);
            return;
        }
        JsonNode parsed;
        try {
            parsed = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            problem(response, 400, "malformed-request", "Malformed request", "The request body is not valid JSON", null);
            return;
        }
        if (permitted(path, request.getMethod(), parsed, response)) {
            chain.doFilter(new CachedBody(request, body), response);
        }
    }

    /** Answers the refusal itself and returns false, or returns true to let the request through. */
    private boolean permitted(List<String> path, String method, JsonNode body, HttpServletResponse response)
            throws IOException {
        String user = currentUser();
        String taskId = path.get(0);
        String action = path.size() == 2 ? path.get(1) : path.size() == 3 ? path.get(1) + "/" + path.get(2) : "";
        if (!"POST".equals(method) || path.size() == 1) {
            return forbidden(response, user, taskId, "Only an admin may update or delete a task");
        }
        switch (action) {
            case "claim", "assignee" -> {
                String assignee = body.path("userId").isTextual() ? body.get("userId").asText() : null;
                if (assignee == null) {
                    return mayUnassign(taskId, user, response);
                }
                return user.equals(assignee) || forbidden(response, user, taskId,
                        "You may claim a task for yourself only; only an admin assigns tasks to others");
            }
            case "unclaim" -> {
                return mayUnassign(taskId, user, response) && unclaimOwn(taskId, response);
            }
            case "comment/create" -> {
                return true;
            }
            case "complete", "submit-form" -> {
                return formAccepts(taskId, body, user, response);
            }
            default -> {
                return forbidden(response, user, taskId, "Only an admin may change a task's variables, candidates,"
                        + " assignment or state other than by completing its form");
            }
        }
    }

    private boolean mayUnassign(String taskId, String user, HttpServletResponse response) throws IOException {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task == null || task.getAssignee() == null || user.equals(task.getAssignee())
                || forbidden(response, user, taskId, "The task is assigned to someone else");
    }

    /**
     * Releasing one's own task needs TASK_ASSIGN, which candidates do not get (it would let them
     * assign anyone); the guard has checked it is theirs, and releases it for them.
     */
    private boolean unclaimOwn(String taskId, HttpServletResponse response) {
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return true;
        }
        tasks.setAssignee(taskId, null);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return false;
    }

    private boolean formAccepts(String taskId, JsonNode body, String user, HttpServletResponse response)
            throws IOException {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return true; // the engine answers for a task that does not exist or that the user may not see
        }
        List<TaskForm.Error> errors = isAdmin() ? List.of() : form(task).check(body.path("variables"));
        if (errors.isEmpty()) {
            Map<String, Object> values = new LinkedHashMap<>();
            body.path("variables").fields().forEachRemaining(field -> values.put(field.getKey(),
                    json.convertValue(field.getValue().path("value"), Object.class)));
            List<TaskForm.Error> mistakes = checks.stream().flatMap(check -> check.mistakes(taskId, values).stream())
                    .map(mistake -> new TaskForm.Error(mistake.field(), mistake.message())).toList();
            if (!mistakes.isEmpty()) {
                log.info("Task {} not completed by {}: fields {} to correct", taskId, user,
                        mistakes.stream().map(TaskForm.Error::field).toList());
                problem(response, 400, "task-form-mistake", "Please correct the form",
                        mistakes.stream().map(TaskForm.Error::message).collect(java.util.stream.Collectors.joining(" ")),
                        mistakes);
                return false;
            }
            for (TaskCompletionCheck check : checks) {
                var invalid = check.invalid(taskId, values);
                if (invalid.isPresent()) {
                    log.info("Refused {} completing task {}: values that do not fit the task", user, taskId);
                    problem(response, 422, "invalid-task-values", "Invalid task values", invalid.get(), List.of());
                    return false;
                }
                var refusal = check.refusal(taskId, user, values);
                if (refusal.isPresent()) {
                    return forbidden(response, user, taskId, refusal.get());
                }
            }
            return true;
        }
        log.info("Refused {} completing task {}: fields {}", user, taskId,
                errors.stream().map(TaskForm.Error::field).toList());
        problem(response, 400, "invalid-task-form", "Invalid task form", "The submission has " + errors.size()
                + " invalid field(s); only the fields of the task's form are accepted", errors);
        return false;
    }

    private TaskForm form(Task task) throws IOException {
        if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
            return TaskForm.none();
        }
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            return TaskForm.parse(json.readTree(form));
        } catch (ProcessEngineException noDeployedForm) {
            return TaskForm.none();
        }
    }

    private boolean forbidden(HttpServletResponse response, String user, String taskId, String detail)
            throws IOException {
        log.info("Refused {} changing task {}: {}", user, taskId, detail);
        problem(response, 403, "task-change-not-permitted", "Not permitted", detail, null);
        return false;
    }

    private void problem(HttpServletResponse response, int status, String type, String title, String detail,
            List<TaskForm.Error> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEMS + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        // Tasklist shows a failed submission's "message"
        problem.put("message", detail);
        if (errors != null) {
            problem.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Objects.equals(a.getAuthority(), "ROLE_" + Roles.ADMIN));
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }

    /** The request again, its body read once here and replayed to the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
