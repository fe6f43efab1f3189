package io.recollect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Rule-table versions through the API, as a manager's browser or script would use it, and the
 * shipped collection-path workbook edited with Apache POI the way a spreadsheet program saves it.
 */
public final class RuleTables {

    public static final String PATH = "/api/rule-tables/collection-path";

    private RuleTables() {
    }

    public static byte[] shipped() {
        try {
            return Files.readAllBytes(Path.of("rules/collection-path.xlsx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped workbook with the edit applied to its rule sheet, saved again. */
    public static byte[] edited(Consumer<Sheet> edit) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(shipped()))) {
            edit.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook with an {@code Examples} sheet added: the first row its headers, each further
     * row one example; a Number becomes a numeric cell, anything else text, as a person types it.
     */
    public static byte[] withExamples(byte[] xlsx, Object[]... rows) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet examples = workbook.createSheet("Examples");
            for (int r = 0; r < rows.length; r++) {
                Row row = examples.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers of an Examples sheet for collection-path, as a manager would write them. */
    public static final Object[] EXAMPLE_HEADERS = {"Segment", "Risk band", "Days past due", "Overdue amount",
        "Reminders sent", "Days since last action", "Expected rule", "Expected action"};

    /** The row whose first cell holds the label, e.g. "R12". */
    public static Row row(Sheet rules, String label) {
        for (Row row : rules) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
                return row;
            }
        }
        throw new IllegalArgumentException("No row labelled " + label);
    }

    /** The cell of the labelled rule in the column with the header, created if empty. */
    public static Cell cell(Sheet rules, String label, String header) {
        Row row = row(rules, label);
        int column = column(rules, header);
        Cell cell = row.getCell(column);
        return cell != null ? cell : row.createCell(column);
    }

    public static int column(Sheet rules, String header) {
        for (Row row : rules) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(header)) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new IllegalArgumentException("No column headed '" + header + "'");
    }

    public static ResponseEntity<JsonNode> upload(TestRestTemplate as, String filename, byte[] content, String comment) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        form.add("comment", comment);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.postForEntity(PATH + "/versions", new HttpEntity<>(form, headers), JsonNode.class);
    }

    /** Uploads a version that must pass every check; its id. */
    public static UUID candidate(TestRestTemplate as, byte[] content, String comment) {
        ResponseEntity<JsonNode> response = upload(as, "collection-path.xlsx", content, comment);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("status").asText()).isEqualTo("CANDIDATE");
        return UUID.fromString(response.getBody().path("id").asText());
    }

    public static ResponseEntity<JsonNode> activate(TestRestTemplate as, UUID version, String comment) {
        return as.postForEntity(PATH + "/versions/" + version + "/activation", Map.of("comment", comment), JsonNode.class);
    }

    public static UUID activeId(TestRestTemplate as) {
        JsonNode tables = as.getForObject("/api/rule-tables", JsonNode.class);
        for (JsonNode table : tables) {
            if (table.path("name").asText().equals("collection-path")) {
                return UUID.fromString(table.path("active").path("id").asText());
            }
        }
        throw new IllegalStateException("collection-path is not listed");
    }

    /** The version seeded from the shipped workbook. */
    public static UUID seedId(TestRestTemplate as) {
        for (JsonNode version : as.getForObject(PATH + "/versions", JsonNode.class)) {
            if (version.path("uploadedBy").asText().equals("system")) {
                return UUID.fromString(version.path("id").asText());
            }
        }
        throw new IllegalStateException("no seeded version");
    }

    /** Starts the version as collection-path's challenger for the share of accounts (of the segment, if not null). */
    public static ResponseEntity<JsonNode> challenge(TestRestTemplate as, UUID version, Integer share, String segment) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("share", share);
        body.put("segment", segment);
        body.put("comment", "try it on " + share + " %");
        return as.postForEntity(PATH + "/versions/" + version + "/challenger", body, JsonNode.class);
    }

    public static ResponseEntity<JsonNode> endChallenger(TestRestTemplate as) {
        return as.exchange(PATH + "/challenger?comment=enough", org.springframework.http.HttpMethod.DELETE, null,
                JsonNode.class);
    }

    /** Makes the shipped version active again, with no challenger beside it, as the suite's other tests expect. */
    public static void restoreShipped(TestRestTemplate as) {
        endChallenger(as);
        UUID seed = seedId(as);
        if (!seed.equals(activeId(as))) {
            assertThat(activate(as, seed, "back to the shipped table").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    /** Simulates the version and waits for the result. */
    public static JsonNode simulate(TestRestTemplate as, UUID version) {
        ResponseEntity<JsonNode> started = as.postForEntity(PATH + "/versions/" + version + "/simulations", null,
                JsonNode.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String id = started.getBody().path("id").asText();
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            done[0] = as.getForObject(PATH + "/simulations/" + id + "?size=500", JsonNode.class);
            return !done[0].path("status").asText().equals("RUNNING");
        });
        assertThat(done[0].path("status").asText()).as(done[0].toString()).isEqualTo("DONE");
        return done[0];
    }
}
