package io.recollect.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline shows the people's work on an account: each task when it opened and when it was
 * completed and by whom (history level {@code activity} keeps no variables to find them by), and
 * what the collector wrote about the call.
 */
class TimelineTasksIntegrationTests extends IntegrationTest {

    @BeforeEach
    void aMinuteIntoTheDay() {
        time.advance(Duration.ofMinutes(1));
    }

    @Test
    void aTaskOpenedAndCompletedAppearsWithWhoCompletedIt() {
        CustomerView customer = escalatedEnterpriseCase("500.00");

        assertThat(kinds(customer)).contains("TASK_CREATED").doesNotContain("TASK_COMPLETED");

        time.advance(Duration.ofMinutes(5));
        cases.complete(customer, "collector", Map.of("contactOutcome", "NO_CONTACT",
                "contactNote", "Voicemail full, will try tomorrow morning"));

        List<TimelineEntry> timeline = cases.timeline(customer);
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("TASK_CREATED");
            assertThat(entry.summary()).contains("Contact customer");
        });
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("TASK_COMPLETED");
            assertThat(entry.summary()).contains("Contact customer");
            assertThat(entry.actor()).isEqualTo("collector");
        });
    }

    @Test
    void theCallNoteSaysWhatTheCollectorWrote() {
        CustomerView customer = escalatedEnterpriseCase("500.00");

        cases.complete(customer, "collector", Map.of("contactOutcome", "NO_CONTACT",
                "contactNote", "Voicemail full, will try tomorrow morning"));

        assertThat(cases.timeline(customer)).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("CALL_NOTE");
            assertThat(entry.summary()).contains("Voicemail full, will try tomorrow morning");
            assertThat(entry.actor()).isEqualTo("collector");
        });
    }
}
