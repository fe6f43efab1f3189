package io.recollect.cases;

import static io.recollect.cases.CollectionCaseProcess.*;

import io.recollect.customers.CustomerService;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.security.TaskCompletionCheck;
import io.recollect.security.TaskFormMistake;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The contact form's values checked as a collector would want them checked, before the engine
 * sees them: a promise needs a date from today on within the horizon and a positive amount in
 * the customer's currency; a dispute names an open, undisputed invoice of this customer and says
 * what is disputed. {@link RecordContactOutcome} and the services enforce the same rules again for
 * any other way the task is completed.
 */
@Component
class ContactFormCheck implements TaskCompletionCheck {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ProcessCase processCase;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final Disputes disputes;
    private final CollectionProperties properties;
    private final Clock clock;

    ContactFormCheck(TaskService tasks, RuntimeService runtime, ProcessCase processCase, InvoiceService invoices,
            CustomerService customers, Disputes disputes, CollectionProperties properties, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.processCase = processCase;
        this.invoices = invoices;
        this.customers = customers;
        this.disputes = disputes;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(String taskId, String userId, Map<String, Object> values) {
        return Optional.empty();
    }

    /** Not one transaction: an unknown invoice number would mark it rollback-only. */
    @Override
    public List<TaskFormMistake> mistakes(String taskId, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !TASK_CONTACT_CUSTOMER.equals(task.getTaskDefinitionKey())) {
            return List.of();
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        UUID customerId = processCase.byId(UUID.fromString(process.getBusinessKey())).getCustomerId();
        List<TaskFormMistake> mistakes = new ArrayList<>();
        Object outcome = values.get(VAR_CONTACT_OUTCOME);
        if ("PROMISE_TO_PAY".equals(outcome)) {
            promiseDate(values.get(VAR_PROMISED_DATE)).ifPresent(mistakes::add);
            promiseAmount(values.get(VAR_PROMISED_AMOUNT), customerId).ifPresent(mistakes::add);
        } else if ("DISPUTE".equals(outcome)) {
            disputedInvoice(text(values.get(VAR_DISPUTED_INVOICE)), customerId).ifPresent(mistakes::add);
            if (text(values.get(VAR_DISPUTE_REASON)) == null) {
                mistakes.add(new TaskFormMistake(VAR_DISPUTE_REASON, "Say what the customer disputes."));
            }
        } else if ("WRITE_OFF_REQUESTED".equals(outcome) && text(values.get(VAR_WRITE_OFF_REASON)) == null) {
            mistakes.add(new TaskFormMistake(VAR_WRITE_OFF_REASON, "Say why the debt should be written off."));
        }
        return mistakes;
    }

    private Optional<TaskFormMistake> promiseDate(Object value) {
        String text = text(value);
        if (text == null) {
            return mistake(VAR_PROMISED_DATE, "The promised date is missing: give the day the customer will pay.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return mistake(VAR_PROMISED_DATE, "The promised date must be a date such as 2026-03-31.");
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            return mistake(VAR_PROMISED_DATE, "The promised date " + date + " has passed: give today or a later day.");
        }
        if (date.isAfter(today.plus(properties.maxPromiseHorizon()))) {
            return mistake(VAR_PROMISED_DATE, "The promised date may be at most "
                    + properties.maxPromiseHorizon().getDays() + " days ahead.");
        }
        return Optional.empty();
    }

    private Optional<TaskFormMistake> promiseAmount(Object value, UUID customerId) {
        String text = text(value);
        BigDecimal amount;
        try {
            amount = text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return mistake(VAR_PROMISED_AMOUNT, "The promised amount must be a number such as 150.00.");
        }
        if (amount == null || amount.signum() <= 0) {
            return mistake(VAR_PROMISED_AMOUNT, "Give the promised amount, more than zero.");
        }
        Currency currency = Currency.getInstance(customers.get(customerId).currency());
        if (!Money.isExact(amount, currency)) {
            return mistake(VAR_PROMISED_AMOUNT, "The promised amount may have at most "
                    + currency.getDefaultFractionDigits() + " decimals in " + currency.getCurrencyCode() + ".");
        }
        return Optional.empty();
    }

    private Optional<TaskFormMistake> disputedInvoice(String number, UUID customerId) {
        if (number == null) {
            return mistake(VAR_DISPUTED_INVOICE, "Give the number of the disputed invoice.");
        }
        InvoiceView invoice;
        try {
            invoice = invoices.getByNumber(number);
        } catch (NotFoundException unknown) {
            return mistake(VAR_DISPUTED_INVOICE, "There is no invoice number " + number + ".");
        }
        if (!invoice.customerId().equals(customerId)) {
            return mistake(VAR_DISPUTED_INVOICE, "Invoice number " + number + " is not this customer's.");
        }
        if (!invoice.status().isOpen()) {
            return mistake(VAR_DISPUTED_INVOICE, "Invoice number " + number + " is " + invoice.status().name()
                    .toLowerCase().replace('_', ' ') + "; only open invoices can be disputed.");
        }
        if (disputes.existsByInvoiceIdAndStatus(invoice.id(), DisputeStatus.OPEN)) {
            return mistake(VAR_DISPUTED_INVOICE, "Invoice number " + number + " is already disputed.");
        }
        return Optional.empty();
    }

    private static Optional<TaskFormMistake> mistake(String field, String message) {
        return Optional.of(new TaskFormMistake(field, message));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
