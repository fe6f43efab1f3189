package io.recollect.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recollect.customers.CustomerView;
import io.recollect.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The write-off-approval table is governed like collection-path: a manager uploads an edited
 * version, a second manager activates it, and the next write-off is routed and cited by it; the
 * three tables are listed with their active versions.
 */
class WriteOffApprovalVersionsIntegrationTests extends IntegrationTest {

    private static final String PATH = "/api/rule-tables/write-off-approval";
    /** Sheet row of R1, "finance approves a thousand or more"; its first column holds the amount. */
    private static final int R1 = 18;

    @BeforeEach
    void secondManager() {
        ensureSecondManager();
    }

    @AfterEach
    void shippedTableAgain() {
        for (JsonNode version : as("manager").getForObject(PATH + "/versions", JsonNode.class)) {
            if (version.path("uploadedBy").asText().equals("system") && !version.path("status").asText().equals("ACTIVE")) {
                as("manager").postForEntity(PATH + "/versions/" + version.path("id").asText() + "/activation",
                        Map.of("comment", "back to the shipped table"), JsonNode.class);
            }
        }
    }

    @Test
    void allThreeTablesAreVersionedAndActive() {
        JsonNode tables = as("manager").getForObject("/api/rule-tables", JsonNode.class);
        List<String> names = new java.util.ArrayList<>();
        tables.forEach(t -> {
            names.add(t.path("name").asText());
            assertThat(t.path("active").path("id").asText()).as(t.path("name").asText()).isNotBlank();
        });
        assertThat(names).contains("collection-path", "hardship-policy", "write-off-approval");
    }

    @Test
    void anActivatedEditRoutesTheNextWriteOffAndIsCited() throws IOException {
        CustomerView before = fixtures.customer();
        fixtures.overdueInvoice(before, "600.00", 200, time.today());
        CustomerView after = fixtures.customer();
        fixtures.overdueInvoice(after, "600.00", 200, time.today());
        cases.settle();
        assertThat(request(before).path("approval").asText()).isEqualTo("COLLECTION_MANAGERS");

        ResponseEntity<JsonNode> uploaded = upload(lowerFinanceLimitTo(500.00), "finance from 500");
        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        String version = uploaded.getBody().path("id").asText();
        assertThat(activate("manager", version).getStatusCode()).as("the uploader's own activation")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(activate("manager2", version).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode routed = request(after);
        assertThat(routed.path("approval").asText()).isEqualTo("FINANCE");
        assertThat(routed.path("citation").path("version").asText()).isEqualTo(uploaded.getBody().path("sha256").asText());
        assertThat(routed.path("citation").path("row").asInt()).isEqualTo(R1);
    }

    private JsonNode request(CustomerView customer) {
        ResponseEntity<JsonNode> created = as("collector").postForEntity(
                "/api/customers/" + customer.id() + "/write-off-requests", Map.of("reason", "UNCOLLECTABLE"), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private ResponseEntity<JsonNode> upload(byte[] content, String comment) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "write-off-approval.xlsx";
            }
        });
        form.add("comment", comment);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("manager").postForEntity(PATH + "/versions", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> activate(String user, String version) {
        return as(user).postForEntity(PATH + "/versions/" + version + "/activation", Map.of("comment", "go"),
                JsonNode.class);
    }

    /** As a spreadsheet program saves it: R1's amount cell changed. */
    private static byte[] lowerFinanceLimitTo(double amount) throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("rules/write-off-approval.xlsx"));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(shipped));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(R1 - 1).getCell(1).setCellValue(amount);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
