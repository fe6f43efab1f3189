package io.recollect.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@Validated
class ImportController {

    static final String JSON_LINES = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /**
     * JSON lines as the request body (streamed, no size limit of its own). 201 with the counts
     * when it is in; 422 when bad lines refused it (the default) and nothing was recorded.
     */
    @PostMapping(consumes = {JSON_LINES, JSONL})
    ResponseEntity<ImportView> jsonLines(HttpServletRequest request,
            @RequestParam(defaultValue = "REFUSE_FILE") OnBadLines onBadLines) throws IOException {
        return answer(imports.importJsonLines(request.getInputStream(), onBadLines));
    }

    /** CSV files as parts {@code customers}, {@code invoices}, {@code payments} of a multipart form. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> csv(@RequestParam(required = false) MultipartFile customers,
            @RequestParam(required = false) MultipartFile invoices,
            @RequestParam(required = false) MultipartFile payments,
            @RequestParam(defaultValue = "REFUSE_FILE") OnBadLines onBadLines) throws IOException {
        try (InputStream c = open(customers); InputStream i = open(invoices); InputStream p = open(payments)) {
            return answer(imports.importCsv(c, i, p, onBadLines));
        }
    }

    private static InputStream open(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getInputStream();
    }

    private static ResponseEntity<ImportView> answer(ImportView view) {
        HttpStatus status = view.status() == ImportStatus.REFUSED ? HttpStatus.UNPROCESSABLE_ENTITY
                : view.status() == ImportStatus.FAILED ? HttpStatus.BAD_REQUEST : HttpStatus.CREATED;
        return ResponseEntity.status(status).location(URI.create("/api/imports/" + view.id())).body(view);
    }

    /** The import's counts and one page of its errors, by line: while it runs, how far it got. */
    @GetMapping("/{id}")
    ImportView get(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return imports.view(id, page, size);
    }

    /** The latest imports, newest first. */
    @GetMapping
    List<ImportView> recent() {
        return imports.recent();
    }
}
