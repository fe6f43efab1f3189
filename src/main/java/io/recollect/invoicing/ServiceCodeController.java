package io.recollect.invoicing;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Finance uploads its own service-code catalogue as CSV. */
@RestController
class ServiceCodeController {

    private final ServiceCodeCatalogue catalogue;

    ServiceCodeController(ServiceCodeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping(path = "/api/service-codes", consumes = {"text/csv", "text/plain"})
    Map<String, Integer> upload(@RequestBody String csv) {
        return Map.of("codes", catalogue.upload(csv));
    }

    @ExceptionHandler(ServiceCodeCsv.InvalidCatalogueException.class)
    ProblemDetail invalidCatalogue(ServiceCodeCsv.InvalidCatalogueException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                ex.getMessage() + "; nothing was changed");
        problem.setType(URI.create("https://recollect.io/problems/invalid-service-codes"));
        problem.setTitle("Invalid service-code catalogue");
        problem.setProperty("errors", ex.errors().stream()
                .map(e -> Map.of("line", e.line(), "field", e.field(), "message", e.message())).toList());
        return problem;
    }
}
