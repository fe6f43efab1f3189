package io.recollect.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Emails leave through the outbox: a failed send is retried, then an incident; nothing is sent twice. */
class DunningOutboxIntegrationTests extends IntegrationTest {

    @Autowired
    CommunicationService communications;

    @AfterEach
    void smtpServerBackUp() {
        if (!mail.isRunning()) {
            mail.start();
        }
    }

    @Test
    void failedSendIsRetriedAndSentOnceWhenTheServerIsBack() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));
        mail.stop();

        Job send = sendJob(invoice);
        assertThatThrownBy(() -> management.executeJob(send.getId())).hasMessageContaining("Mail server connection failed");

        Job retried = management.createJobQuery().jobId(send.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(4);
        assertThat(retried.getExceptionMessage()).contains("Mail server connection failed");
        assertThat(communication(customer).status()).isEqualTo(CommunicationStatus.QUEUED);

        mail.start();
        time.advance(Duration.ofMinutes(2));
        jobs.runDueJobs();

        assertThat(Mailbox.of(mail, customer.email())).hasSize(1);
        assertThat(communication(customer).status()).isEqualTo(CommunicationStatus.SENT);
    }

    @Test
    void sendFailingOnEveryRetryBecomesAnIncident() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));
        mail.stop();

        for (int attempt = 0; attempt < 5; attempt++) {
            Job send = sendJob(invoice);
            assertThatThrownBy(() -> management.executeJob(send.getId())).isInstanceOf(RuntimeException.class);
            time.advance(Duration.ofMinutes(2));
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(sendJob(invoice).getProcessInstanceId())
                .singleResult().getActivityId()).isEqualTo("Task_SendInvoiceEmail");
        assertThat(communication(customer).status()).isEqualTo(CommunicationStatus.QUEUED);
    }

    @Test
    void sendingASentEmailAgainDoesNothing() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));
        jobs.runDueJobs();
        UUID sent = communication(customer).id();

        communications.send(sent);

        assertThat(Mailbox.of(mail, customer.email())).hasSize(1);
    }

    @Test
    void queueingTheSameInvoiceEmailTwiceKeepsOne() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));

        UUID again = communications.queueInvoiceEmail(invoice.id());

        assertThat(communications.forCustomer(customer.id())).singleElement()
                .extracting(CommunicationView::id).isEqualTo(again);
    }

    private Job sendJob(InvoiceView invoice) {
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoice.number())
                .singleResult().getId();
        return management.createJobQuery().processInstanceId(process).singleResult();
    }

    private CommunicationView communication(CustomerView customer) {
        return communications.forCustomer(customer.id()).stream().filter(c -> c.kind() == CommunicationKind.INVOICE)
                .findFirst().orElseThrow();
    }
}
