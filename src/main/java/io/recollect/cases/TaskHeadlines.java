package io.recollect.cases;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.plans.PlanService;
import io.recollect.writeoffs.WriteOffService;
import io.recollect.invoicing.OpenItem;
import io.recollect.shared.Money;
import io.recollect.security.CurrentUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every task of a case, a dispute, a payment plan or a write-off says whom it is about when it is created: its name carries
 * the customer's name, reference and overdue amount (what Tasklist lists), its description the
 * phone too, and task-local variables give the form the account's essentials and the link to
 * the account page. Registered for every user task at parse time, so no BPMN file needs to name
 * it. The customer comes from the process's business key (the case's, dispute's, plan's or write-off's id), never
 * from a variable a form could write. The figures are those of the moment the task opened.
 */
@Component
class TaskHeadlines extends AbstractProcessEnginePlugin {

    static final String VAR_CUSTOMER_NAME = "customerName";
    static final String VAR_CUSTOMER_REF = "customerRef";
    static final String VAR_CUSTOMER_PHONE = "customerPhone";
    static final String VAR_OVERDUE_AMOUNT = "overdueAmount";
    static final String VAR_OPEN_INVOICES = "openInvoices";
    static final String VAR_ACCOUNT_PAGE = "accountPage";
    private static final int MAX_NAME = 250;

    private final ObjectProvider<Headline> headline;

    TaskHeadlines(ObjectProvider<Headline> headline) {
        this.headline = headline;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener onCreate = task -> headline.getObject().write(task);
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Looks the customer up and writes the task's headline; a bean of its own, made once the services exist. */
    @Component
    static class Headline {

        private final CollectionCases cases;
        private final Disputes disputes;
        private final CustomerService customers;
        private final InvoiceService invoices;
        private final PlanService plans;
        private final WriteOffService writeOffs;
        /** The customers and open invoices read for a chunk of tasks on this thread, if any. */
        private final ThreadLocal<Facts> facts = new ThreadLocal<>();

        Headline(CollectionCases cases, Disputes disputes, CustomerService customers, InvoiceService invoices,
                PlanService plans, WriteOffService writeOffs) {
            this.plans = plans;
            this.writeOffs = writeOffs;
            this.cases = cases;
            this.disputes = disputes;
            this.customers = customers;
            this.invoices = invoices;
        }

        /**
         * Runs {@code work}, which opens tasks on these cases (case id to its customer, as read
         * from the database) in one transaction, with their headlines' customers and open invoices
         * read in two queries for all of them instead of three per task. Only without a signed-in
         * user: a user's read of a customer passes the access check and log one by one, as
         * {@link CustomerService#get} does it.
         */
        <T> T forCases(Map<UUID, UUID> caseCustomers, Supplier<T> work) {
            if (facts.get() != null || caseCustomers.isEmpty() || CurrentUser.get().isPresent()) {
                return work.get();
            }
            Set<UUID> customerIds = new HashSet<>(caseCustomers.values());
            facts.set(new Facts(Map.copyOf(caseCustomers), customers.getAll(customerIds),
                    invoices.openItems(customerIds)));
            try {
                return work.get();
            } finally {
                facts.remove();
            }
        }

        void write(DelegateTask task) {
            Facts read = facts.get();
            Optional<UUID> customerId = customerOf(task.getExecution().getProcessBusinessKey(), read);
            if (customerId.isEmpty()) {
                return;
            }
            boolean known = read != null && read.customers().containsKey(customerId.get());
            CustomerView customer = known ? read.customers().get(customerId.get()) : customers.get(customerId.get());
            Currency currency = Currency.getInstance(customer.currency());
            List<OpenItem> open = known ? read.openItems().get(customer.id()) : invoices.openItems(customer.id());
            Money overdue = open.stream().filter(OpenItem::overdue).map(OpenItem::openAmount)
                    .reduce(Money.zero(currency), Money::plus);
            String about = customer.name() + " (" + customer.externalRef() + "), " + overdue.display() + " overdue";
            String name = task.getName() == null ? about : task.getName() + ": " + about;
            task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name);
            task.setDescription(about + (customer.phone() == null ? "" : ", phone " + customer.phone()) + ". "
                    + open.size() + " open invoice(s); the account page lists them: /customers/" + customer.id());
            task.setVariableLocal(VAR_CUSTOMER_NAME, customer.name());
            task.setVariableLocal(VAR_CUSTOMER_REF, customer.externalRef());
            task.setVariableLocal(VAR_CUSTOMER_PHONE, customer.phone() == null ? "none given" : customer.phone());
            task.setVariableLocal(VAR_OVERDUE_AMOUNT, overdue.display());
            task.setVariableLocal(VAR_OPEN_INVOICES, String.join(", ", open.stream()
                    .map(item -> item.number() + " " + item.openAmount().display()
                            + (item.overdue() ? " (" + item.daysPastDue() + " days overdue)" : ""))
                    .toList()));
            task.setVariableLocal(VAR_ACCOUNT_PAGE, "/customers/" + customer.id());
        }

        private record Facts(Map<UUID, UUID> caseCustomers, Map<UUID, CustomerView> customers,
                Map<UUID, List<OpenItem>> openItems) {
        }

        private Optional<UUID> customerOf(String businessKey, Facts read) {
            UUID key;
            try {
                key = businessKey == null ? null : UUID.fromString(businessKey);
            } catch (IllegalArgumentException notAnId) {
                key = null;
            }
            if (key == null) {
                return Optional.empty();
            }
            UUID id = key;
            if (read != null && read.caseCustomers().containsKey(id)) {
                return Optional.of(read.caseCustomers().get(id));
            }
            return cases.findById(id).map(CollectionCase::getCustomerId)
                    .or(() -> disputes.findById(id).map(Dispute::getCustomerId))
                    .or(() -> plans.customerOf(id)).or(() -> writeOffs.customerOf(id));
        }
    }
}
