package io.recollect.accounts;

import io.recollect.accounts.AccountSearch.AgingBucket;
import io.recollect.accounts.AccountSearch.CustomerQuery;
import io.recollect.cases.AccountRecords;
import io.recollect.cases.DisputeService;
import io.recollect.cases.DunningPauseService;
import io.recollect.cases.PromiseService;
import io.recollect.customers.CustomerService;
import io.recollect.customers.Segment;
import io.recollect.dunning.Channel;
import io.recollect.dunning.CommunicationContent;
import io.recollect.dunning.CommunicationService;
import io.recollect.rules.CollectionAction;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.NotFoundException;
import io.recollect.shared.NotPermittedException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer search and the account page, with what collectors and managers do there: note a
 * call, record a promise or dispute, pause or resume dunning, report hardship. Each action goes
 * through the same service as the API (team check, access log, rules); a mistake comes back on
 * the page in plain words naming the field, with a 4xx status.
 */
@Controller
class AccountPages {

    private final AccountSearch search;
    private final AccountService accounts;
    private final TimelineService timeline;
    private final AccountRecords records;
    private final CommunicationService communications;
    private final PromiseService promises;
    private final DisputeService disputes;
    private final DunningPauseService pauses;
    private final CustomerService customers;
    private final TaskService tasks;

    AccountPages(AccountSearch search, AccountService accounts, TimelineService timeline, AccountRecords records,
            CommunicationService communications, PromiseService promises, DisputeService disputes,
            DunningPauseService pauses, CustomerService customers, TaskService tasks) {
        this.search = search;
        this.accounts = accounts;
        this.timeline = timeline;
        this.records = records;
        this.communications = communications;
        this.promises = promises;
        this.disputes = disputes;
        this.pauses = pauses;
        this.customers = customers;
        this.tasks = tasks;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String agingBucket, @RequestParam(required = false) String caseAction,
            @RequestParam(defaultValue = "0") String page, Model model, HttpServletResponse response) {
        model.addAttribute("q", q).addAttribute("segment", segment).addAttribute("agingBucket", agingBucket)
                .addAttribute("caseAction", caseAction)
                .addAttribute("segments", Segment.values()).addAttribute("buckets", AgingBucket.values())
                .addAttribute("actions", CollectionAction.values());
        try {
            int pageNo = parseInt("page", page);
            AccountSearchController.checkPage(pageNo, 25);
            CustomerQuery query = new CustomerQuery(q == null || q.isBlank() ? null : q.trim(),
                    choice("Segment", Segment.class, segment), choice("Aging", AgingBucket.class, agingBucket),
                    choice("Case action", CollectionAction.class, caseAction));
            model.addAttribute("result", search.customers(query, pageNo, 25));
        } catch (InvalidFieldException mistake) {
            response.setStatus(400);
            model.addAttribute("error", mistake.getMessage());
        }
        return "accounts/customers";
    }

    @GetMapping("/customers/{id}")
    String account(@PathVariable String id, Model model, HttpServletResponse response) {
        UUID customerId;
        try {
            customerId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return notFound(model, response);
        }
        try {
            AccountView account = accounts.account(customerId);
            model.addAttribute("account", account)
                    .addAttribute("timeline", newestFirst(timeline.forCustomer(customerId)))
                    .addAttribute("promises", records.promises(customerId))
                    .addAttribute("disputes", records.disputes(customerId))
                    .addAttribute("pauses", records.pauses(customerId))
                    .addAttribute("openTasks", openTasks(customerId))
                    .addAttribute("noteKey", UUID.randomUUID())
                    .addAttribute("mayAct", mayAct());
            return "accounts/account";
        } catch (NotFoundException missing) {
            return notFound(model, response);
        } catch (AccessDeniedException denied) {
            response.setStatus(403);
            model.addAttribute("message", "This customer is worked by a team you are not in.");
            return "accounts/refused";
        }
    }

    /** An email as the customer received it, or a call note as it was written. */
    @GetMapping("/customers/{id}/communications/{communicationId}")
    String communication(@PathVariable UUID id, @PathVariable UUID communicationId, Model model,
            HttpServletResponse response) {
        try {
            customers.get(id);
        } catch (NotFoundException missing) {
            return notFound(model, response);
        } catch (AccessDeniedException denied) {
            response.setStatus(403);
            model.addAttribute("message", "This customer is worked by a team you are not in.");
            return "accounts/refused";
        }
        CommunicationContent content = communications.content(communicationId)
                .filter(c -> c.customerId().equals(id)).orElse(null);
        if (content == null) {
            return notFound(model, response);
        }
        model.addAttribute("customerId", id).addAttribute("message", content)
                .addAttribute("email", content.channel() == Channel.EMAIL);
        return "accounts/communication";
    }

    @PostMapping("/customers/{id}/call-notes")
    String noteCall(@PathVariable UUID id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String noteKey, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        return act(id, flash, model, response, "Call note saved.", () -> {
            String text = required("What the customer said", note, 2000);
            UUID key = parseUuid("noteKey", noteKey);
            var openCase = accounts.account(id).openCase();
            UUID caseId = openCase == null ? null : openCase.id();
            // the page's key: a form sent twice is one note
            communications.recordContactNote(id, caseId, "page-" + key, "CALL", text, Actors.current());
        });
    }

    @PostMapping("/customers/{id}/promises")
    String promise(@PathVariable UUID id, @RequestParam(required = false) String promisedDate,
            @RequestParam(required = false) String amount, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        return act(id, flash, model, response, "Promise recorded.", () -> promises.record(id,
                date("Promised date", promisedDate), amount("Promised amount", amount), Actors.current()));
    }

    @PostMapping("/customers/{id}/disputes")
    String dispute(@PathVariable UUID id, @RequestParam(required = false) String invoiceNumber,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        return act(id, flash, model, response, "Dispute raised; the invoice gets no reminders meanwhile.",
                () -> disputes.raise(id, required("Disputed invoice", invoiceNumber, 50),
                        required("What the customer disputes", reason, 2000), Actors.current()));
    }

    @PostMapping("/customers/{id}/dunning-pause")
    String pause(@PathVariable UUID id, @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        return act(id, flash, model, response, "Dunning paused.", () -> pauses.pauseCustomer(id,
                required("Reason for the pause", reason, 1000), date("Pause until", until), Actors.current()));
    }

    @PostMapping("/customers/{id}/dunning-pause/end")
    String resume(@PathVariable UUID id, RedirectAttributes flash, Model model, HttpServletResponse response) {
        return act(id, flash, model, response, "Dunning resumed.", () -> pauses.resumeCustomer(id, Actors.current()));
    }

    @PostMapping("/customers/{id}/hardship")
    String hardship(@PathVariable UUID id, @RequestParam(required = false) String hardship,
            @RequestParam(required = false) String note, RedirectAttributes flash, Model model,
            HttpServletResponse response) {
        boolean set = !"false".equals(hardship);
        return act(id, flash, model, response, set ? "Hardship reported." : "Hardship cleared.",
                () -> customers.setHardship(id, set, note == null || note.isBlank() ? null : note.trim(),
                        Actors.current()));
    }

    /** Runs a page action; a mistake re-renders the account page with it in plain words and a 4xx. */
    String act(UUID id, RedirectAttributes flash, Model model, HttpServletResponse response, String done,
            Runnable action) {
        int status;
        String message;
        try {
            if (!mayAct()) {
                throw new AccessDeniedException("Only collectors, collection managers and admins act on accounts.");
            }
            action.run();
            flash.addFlashAttribute("done", done);
            return "redirect:/customers/" + id;
        } catch (InvalidFieldException mistake) {
            status = 400;
            message = mistake.field() + ": " + mistake.getMessage();
        } catch (NotPermittedException refused) {
            status = 403;
            message = refused.getMessage();
        } catch (AccessDeniedException refused) {
            status = 403;
            message = refused.getMessage();
        } catch (NotFoundException missing) {
            status = 404;
            message = missing.getMessage();
        } catch (io.recollect.shared.ConflictException conflict) {
            status = 409;
            message = conflict.getMessage();
        } catch (BusinessRuleException rule) {
            status = 422;
            message = rule.getMessage();
        }
        response.setStatus(status);
        model.addAttribute("error", message);
        String page = account(id.toString(), model, response);
        response.setStatus(status);
        return page;
    }

    private static List<TimelineEntry> newestFirst(List<TimelineEntry> entries) {
        List<TimelineEntry> reversed = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static boolean mayAct() {
        return CurrentUser.get().filter(user -> user.inAny(Roles.ADMIN, Roles.COLLECTORS, Roles.MANAGERS)).isPresent();
    }

    private List<Map<String, Object>> openTasks(UUID customerId) {
        List<String> keys = records.processKeys(customerId);
        if (keys.isEmpty()) {
            return List.of();
        }
        return tasks.createTaskQuery().processInstanceBusinessKeyIn(keys.toArray(String[]::new))
                .orderByTaskPriority().desc().list().stream()
                .map(task -> Map.<String, Object>of("id", task.getId(), "name", task.getName(),
                        "priority", task.getPriority(), "assignee", task.getAssignee() == null ? "" : task.getAssignee(),
                        "due", task.getDueDate() == null ? "" : task.getDueDate().toInstant().toString()))
                .toList();
    }

    private static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("message", "There is no such customer.");
        return "accounts/refused";
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > max) {
            throw new InvalidFieldException(field, "may be at most " + max + " characters");
        }
        return value.trim();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(required(field, value, 10));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date such as 2026-03-31");
        }
    }

    private static BigDecimal amount(String field, String value) {
        try {
            BigDecimal amount = new BigDecimal(required(field, value, 20).replace(",", ""));
            if (amount.signum() <= 0) {
                throw new InvalidFieldException(field, "must be more than zero");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be an amount such as 150.00");
        }
    }

    private static int parseInt(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a whole number");
        }
    }

    private static UUID parseUuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "is missing; reload the page and try again");
        }
    }

    private static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "is not one of the choices"));
    }
}
