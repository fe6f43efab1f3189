package io.recollect.cases;

import io.recollect.shared.Actors;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators start a collection run on demand and watch its counts. */
@RestController
@RequestMapping("/api/collection-runs")
class CollectionRunController {

    private final CollectionRunService runs;

    CollectionRunController(CollectionRunService runs) {
        this.runs = runs;
    }

    @PostMapping
    ResponseEntity<CollectionRunView> start(Principal principal) {
        UUID id = runs.start(principal == null ? Actors.SYSTEM : principal.getName());
        return ResponseEntity.created(URI.create("/api/collection-runs/" + id)).body(runs.status(id));
    }

    @GetMapping("/{id}")
    CollectionRunView status(@PathVariable UUID id) {
        return runs.status(id);
    }
}
