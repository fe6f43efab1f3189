package io.recollect.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log for auditors: {@code from} inclusive, {@code to} exclusive, ISO-8601 instants. */
@RestController
class AccessLogController {

    private final AccessLogService log;

    AccessLogController(AccessLogService log) {
        this.log = log;
    }

    @GetMapping("/api/access-log")
    AccessLogPage search(@RequestParam(required = false) UUID customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return log.search(new AccessLogQuery(customerId, from, to, user, page, size));
    }
}
