package io.recollect.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.support.IntegrationTest;
import io.recollect.support.Mailbox;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each letter says only what the account's record shows happened: no reminder or call it did not get. */
class LetterFactsIntegrationTests extends IntegrationTest {

    @Test
    void agencyLetterAsFirstLetterClaimsNoEarlierRemindersOrCalls() {
        // DEMO-FERMI: old debt found 130 days overdue; the agency letter is its first letter
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(customer, "640.00", 130, time.today());

        cases.settle();

        List<Mailbox.Received> letters = Mailbox.dunning(mail, customer.email());
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.subject()).contains("collection agency");
            assertThat(letter.body()).doesNotContain("reminders").doesNotContain("final notice")
                    .doesNotContain("calls").doesNotContain("We wrote to you").doesNotContain("We called you");
            assertThat(letter.body()).contains("This is the first letter we send you about these overdue invoices.");
        });
    }

    @Test
    void secondReminderCitesTheFirstWithTheDayItWasSent() {
        CustomerView customer = fixtures.customer(Segment.CONSUMER, RiskBand.B);
        fixtures.overdueInvoice(customer, "120.00", 3, time.today());
        cases.settle();
        LocalDate firstSent = time.today();

        time.advanceDays(14);
        cases.settle();

        List<Mailbox.Received> letters = Mailbox.dunning(mail, customer.email());
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).body()).doesNotContain("We wrote to you");
        String day = firstSent.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        assertThat(letters.get(1).body()).contains("We wrote to you about these overdue invoices before:")
                .contains("Our friendly reminder of " + day).doesNotContain("We called you");
    }
}
