package io.recollect.reconciliation;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InconsistencyController {

    private final InconsistencyReport report;

    InconsistencyController(InconsistencyReport report) {
        this.report = report;
    }

    @GetMapping("/api/reconciliation/inconsistencies")
    List<Inconsistency> inconsistencies() {
        return report.find();
    }
}
