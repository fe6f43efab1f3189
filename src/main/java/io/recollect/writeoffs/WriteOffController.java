package io.recollect.writeoffs;

import io.recollect.shared.Actors;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WriteOffController {

    private final WriteOffService writeOffs;

    WriteOffController(WriteOffService writeOffs) {
        this.writeOffs = writeOffs;
    }

    @PostMapping("/api/customers/{customerId}/write-off-requests")
    ResponseEntity<WriteOffView> request(@PathVariable UUID customerId, @Valid @RequestBody NewWriteOffRequest request) {
        WriteOffView created = writeOffs.request(customerId, request, Actors.current());
        return ResponseEntity.created(URI.create("/api/write-offs/" + created.id())).body(created);
    }

    @GetMapping("/api/write-offs/{id}")
    WriteOffView get(@PathVariable UUID id) {
        return writeOffs.get(id);
    }

    @GetMapping("/api/write-offs")
    List<WriteOffView> list(@RequestParam(required = false) WriteOffReason reason) {
        return writeOffs.list(reason);
    }

    @GetMapping("/api/write-offs/report")
    WriteOffReport report() {
        return writeOffs.report();
    }
}
