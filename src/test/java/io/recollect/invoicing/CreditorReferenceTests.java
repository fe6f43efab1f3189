package io.recollect.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorReferenceTests {

    @Test
    void computesTheStandardsOwnExample() {
        // ISO 11649's example reference.
        assertThat(CreditorReference.of("539007547034")).isEqualTo("RF18539007547034");
    }

    @Test
    void acceptsPrintedFormInAnyCaseAndRefusesAWrongCheck() {
        assertThat(CreditorReference.normalise("rf18 5390 0754 7034")).hasValue("RF18539007547034");
        assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
        assertThat(CreditorReference.isValid("RF18539007547035")).isFalse();
        assertThat(CreditorReference.isValid("INV-1")).isFalse();
    }

    @Test
    void everyBodyRoundTrips() {
        for (String body : new String[] {"1", "INV12345", "ABCDEFGHIJKLMNOPQRSTU", "0000000000"}) {
            assertThat(CreditorReference.isValid(CreditorReference.of(body))).as(body).isTrue();
        }
        assertThatThrownBy(() -> CreditorReference.of("ABCDEFGHIJKLMNOPQRSTUV")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditorReference.of("INV-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
