package io.recollect.reconciliation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class BankStatementController {

    private final BankStatementService statements;
    private final StatementUploads uploads;

    BankStatementController(BankStatementService statements, StatementUploads uploads) {
        this.statements = statements;
        this.uploads = uploads;
    }

    /**
     * 201 with what each line became; 422 when the file is malformed, or has bad lines and
     * {@code onBadLines=REFUSE_FILE} (the default): then nothing was recorded.
     */
    @PostMapping(path = "/api/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) StatementFormat format,
            @RequestParam(defaultValue = "REFUSE_FILE") BadLinePolicy onBadLines,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String lineIdColumn, @RequestParam(required = false) String bookedOnColumn,
            @RequestParam(required = false) String amountColumn, @RequestParam(required = false) String currencyColumn,
            @RequestParam(required = false) String referenceColumn,
            @RequestParam(required = false) String payerNameColumn,
            @RequestParam(required = false) String payerIbanColumn,
            @RequestParam(required = false) String delimiter) throws IOException {
        ImportReport report = statements.upload(new BankStatementService.Upload(file.getOriginalFilename(),
                file.getBytes(), format, CsvColumns.of(lineIdColumn, bookedOnColumn, amountColumn, currencyColumn,
                        referenceColumn, payerNameColumn, payerIbanColumn, delimiter), currency, onBadLines));
        return ResponseEntity.status(report.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CREATED).body(report);
    }

    /** The latest uploads, newest first; one still RUNNING whose node stopped shows as INTERRUPTED. */
    @GetMapping("/api/bank-statements/uploads")
    List<ImportProgress> uploads() {
        return uploads.recent();
    }

    /** How far an upload got, or what it made of its lines; INTERRUPTED says uploading the file again imports it. */
    @GetMapping("/api/bank-statements/uploads/{id}")
    ImportProgress upload(@PathVariable UUID id) {
        return uploads.progress(id);
    }

    record MatchRequest(@NotBlank @Size(max = 50) String invoiceNumber) {
    }

    @PostMapping("/api/bank-statements/lines/{lineId}/match")
    ImportReport.LineResult match(@PathVariable String lineId, @Valid @RequestBody MatchRequest request) {
        return statements.matchByHand(lineId, request.invoiceNumber());
    }
}
