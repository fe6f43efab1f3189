package io.recollect.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recollect.security.Roles;
import io.recollect.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Finance uploads its own service codes; a bad line refuses the whole file, naming the line. */
class ServiceCodeCatalogueIntegrationTests extends IntegrationTest {

    @Autowired
    ServiceCodeCatalogue catalogue;
    @Autowired
    ObjectMapper json;

    @Test
    void shippedCatalogueDescribesHcpcsCodes() {
        assertThat(catalogue.describe(List.of("E0601", "NOPE")))
                .containsExactly(java.util.Map.entry("E0601", "Continuous positive airway pressure (CPAP) device"));
    }

    @Test
    void financeUploadsCodesThatOverrideTheShippedOnes() throws Exception {
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
        String csv = "code,description\r\nA4550,\"Surgical tray, single use\"\r\nX-9001,Home visit by a nurse\r\n";

        ResponseEntity<String> response = upload("finance", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).get("codes").asInt()).isEqualTo(2);
        assertThat(catalogue.describe(List.of("A4550", "X-9001")))
                .containsEntry("A4550", "Surgical tray, single use").containsEntry("X-9001", "Home visit by a nurse");
    }

    @Test
    void fileWithBadLinesIsRefusedLineByLineAndChangesNothing() throws Exception {
        identity.ensureUser("finance", PASSWORD, "Fin", "Ance", "f@test.example", List.of(Roles.FINANCE));
        String csv = "code,description\nE0143,Rollator\nbad code,Something\nJ1100,\nE0143,Again\nV2020,\"open\n";

        ResponseEntity<String> response = upload("finance", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("code");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asText()).isEqualTo("description");
        assertThat(errors.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(errors.get(2).get("message").asText()).isEqualTo("repeats the code of line 2");
        assertThat(errors.get(3).get("line").asInt()).isEqualTo(6);
        // the good line of the refused file was not applied
        assertThat(catalogue.describe(List.of("E0143"))).containsEntry("E0143",
                "Walker, folding, wheeled, adjustable or fixed height");

        assertThat(upload("finance", "codes;descriptions\nA;B\n").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyFinanceAndAdminsUploadCodes() {
        String csv = "code,description\nX-9002,Something\n";
        assertThat(upload("collector", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("manager", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("integration", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(catalogue.describe(List.of("X-9002"))).isEmpty();
        assertThat(upload("admin", csv).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> upload(String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return as(user).postForEntity("/api/service-codes", new HttpEntity<>(csv, headers), String.class);
    }
}
