package io.recollect.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceView;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Emails leave through the outbox: in bulk or one by one, a failed send is retried with growing
 * waits, then FAILED (and an incident where a job sent it); nothing is sent twice.
 */
class DunningOutboxIntegrationTests extends IntegrationTest {

    @Autowired
    CommunicationService communications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptyOutbox() {
        // emails earlier tests left queued are not this test's business
        jdbc.update("update communications set status = 'SENT' where status = 'QUEUED'");
    }

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
        assertThatThrownBy(() -> management.executeJob(send.getId())).hasMessageContaining("SMTP server unavailable");

        Job retried = management.createJobQuery().jobId(send.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(4);
        assertThat(retried.getExceptionMessage()).contains("SMTP server unavailable");
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
            time.advance(Duration.ofHours(7));
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(sendJob(invoice).getProcessInstanceId())
                .singleResult().getActivityId()).isEqualTo("Task_SendInvoiceEmail");
        assertThat(communication(customer).status()).isEqualTo(CommunicationStatus.FAILED);
    }

    @Test
    void failedJobWaitsLongerAfterEachAttempt() {
        CustomerView customer = fixtures.customer();
        InvoiceView invoice = fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));
        mail.stop();

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            Job send = sendJob(invoice);
            Instant failedAt = time.now();
            assertThatThrownBy(() -> management.executeJob(send.getId())).isInstanceOf(RuntimeException.class);
            waits.add(Duration.between(failedAt, sendJob(invoice).getDuedate().toInstant()));
            time.travelTo(sendJob(invoice).getDuedate().toInstant());
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofHours(6));
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

    @Test
    void sendsEveryDueEmailOnceAndSaysSo() {
        List<CustomerView> customers = List.of(fixtures.customer(), fixtures.customer(), fixtures.customer());
        customers.forEach(c -> fixtures.issuedInvoice(c, "10.00", time.today(), time.today().plusDays(14)));

        SendResult first = communications.sendQueued(100);
        SendResult again = communications.sendQueued(100);

        assertThat(first).isEqualTo(new SendResult(3, 0, 0));
        assertThat(again).isEqualTo(new SendResult(0, 0, 0));
        customers.forEach(c -> {
            assertThat(Mailbox.of(mail, c.email())).hasSize(1);
            assertThat(communication(c).status()).isEqualTo(CommunicationStatus.SENT);
        });
    }

    @Test
    void sendsNoMoreThanTheLimit() {
        List<CustomerView> customers = List.of(fixtures.customer(), fixtures.customer(), fixtures.customer());
        customers.forEach(c -> fixtures.issuedInvoice(c, "10.00", time.today(), time.today().plusDays(14)));

        assertThat(communications.sendQueued(2).sent()).isEqualTo(2);
        assertThat(communications.sendQueued(2).sent()).isEqualTo(1);
    }

    @Test
    void messageIdNamesTheCommunicationAndSurvivesAResend() throws Exception {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));
        UUID id = communication(customer).id();
        communications.sendQueued(10);
        // what a kill between the server's acceptance and the commit leaves behind
        jdbc.update("update communications set status = 'QUEUED', next_attempt_at = ? where id = ?",
                time.now().atOffset(ZoneOffset.UTC), id);

        communications.sendQueued(10);

        assertThat(messageIds(customer)).containsExactly("<" + id + "@recollect>", "<" + id + "@recollect>");
    }

    @Test
    void outageSpendsOneAttemptAndBacksOffTheRestOfTheBatch() {
        List<CustomerView> customers = List.of(fixtures.customer(), fixtures.customer(), fixtures.customer());
        customers.forEach(c -> fixtures.issuedInvoice(c, "10.00", time.today(), time.today().plusDays(14)));
        mail.stop();

        SendResult duringOutage = communications.sendQueued(100);

        assertThat(duringOutage).isEqualTo(new SendResult(0, 0, 1));
        assertThat(customers.stream().mapToInt(c -> attempts(communication(c).id())).sum()).isEqualTo(1);

        mail.start();
        time.advance(Duration.ofMinutes(1));
        assertThat(communications.sendQueued(100).sent()).isEqualTo(3);
        customers.forEach(c -> assertThat(Mailbox.of(mail, c.email())).hasSize(1));
    }

    @Test
    void emailOutOfAttemptsIsFailedAndCountedForOperators() {
        CustomerView customer = fixtures.customer();
        fixtures.issuedInvoice(customer, "42.00", time.today(), time.today().plusDays(14));
        double failedBefore = meters.get("recollect.mail.outbox.failed").gauge().value();
        mail.stop();

        List<SendResult> results = new ArrayList<>();
        for (Duration wait : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofHours(1), Duration.ofHours(6))) {
            time.advance(wait);
            results.add(communications.sendQueued(100));
        }
        time.advance(Duration.ofDays(1));
        SendResult afterTheLast = communications.sendQueued(100);

        assertThat(results).extracting(SendResult::retryLater).containsExactly(1, 1, 1, 1, 0);
        assertThat(results.get(4).failed()).isEqualTo(1);
        assertThat(afterTheLast.total()).isZero();
        assertThat(communication(customer).status()).isEqualTo(CommunicationStatus.FAILED);
        assertThat(meters.get("recollect.mail.outbox.failed").gauge().value()).isEqualTo(failedBefore + 1);
    }

    private List<String> messageIds(CustomerView customer) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(customer.email())) {
                ids.add(message.getHeader("Message-ID", null));
            }
        }
        return ids;
    }

    private int attempts(UUID communicationId) {
        return jdbc.queryForObject("select attempts from communications where id = ?", Integer.class, communicationId);
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
