package io.recollect.rules;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rule tables over HTTP: list, history, upload, download, simulate, activate, challengers and their arms, audit trail. */
@RestController
@RequestMapping("/api/rule-tables")
class RuleTableController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RuleTableService tables;
    private final RuleTableSimulations simulations;
    private final RuleTableChallenges challenges;
    private final ArmComparisons arms;

    RuleTableController(RuleTableService tables, RuleTableSimulations simulations, RuleTableChallenges challenges,
            ArmComparisons arms) {
        this.tables = tables;
        this.simulations = simulations;
        this.challenges = challenges;
        this.arms = arms;
    }

    /** Starts a challenger: {@code share} percent (1 to 50) of the accounts, of {@code segment} only when given. */
    record ChallengerRequest(Integer share, String segment, String comment) {
    }

    /** An optional comment, with activation and simulation alike. */
    record Comment(String comment) {
    }

    @GetMapping
    List<RuleTableSummary> tables() {
        return tables.tables();
    }

    @GetMapping("/{name}/versions")
    List<RuleTableVersionView> versions(@PathVariable String name) {
        return tables.versions(name);
    }

    @GetMapping("/{name}/versions/{id}")
    RuleTableVersionView version(@PathVariable String name, @PathVariable UUID id) {
        return tables.version(name, id);
    }

    @GetMapping("/{name}/versions/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable String name, @PathVariable UUID id) {
        byte[] content = tables.content(name, id);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + tables.version(name, id).sha256().substring(0, 12) + ".xlsx").build().toString())
                .body(content);
    }

    @GetMapping("/{name}/events")
    List<RuleTableEventView> trail(@PathVariable String name) {
        return tables.trail(name);
    }

    /** 201 with the candidate; 422 problem details listing each problem by sheet and cell for a rejected version. */
    @PostMapping(path = "/{name}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@PathVariable String name, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "comment", required = false) String comment) throws IOException {
        RuleTableVersionView version = tables.upload(name, file.getBytes(), comment);
        URI location = URI.create("/api/rule-tables/" + name + "/versions/" + version.id());
        if (version.status() == RuleTableStatus.REJECTED) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-table-rejected",
                    "Rule table rejected", "The table fails " + version.errors().size()
                            + " check(s); it is stored as REJECTED and can never be activated");
            problem.setProperty("versionId", version.id());
            problem.setProperty("errors", version.errors());
            return ResponseEntity.unprocessableEntity().location(location).body(problem);
        }
        return ResponseEntity.created(location).body(version);
    }

    @PostMapping("/{name}/versions/{id}/activation")
    RuleTableVersionView activate(@PathVariable String name, @PathVariable UUID id,
            @RequestBody(required = false) Comment comment) {
        return tables.activate(name, id, comment == null ? null : comment.comment());
    }

    @PostMapping("/{name}/versions/{id}/challenger")
    ResponseEntity<ChallengerView> challenge(@PathVariable String name, @PathVariable UUID id,
            @RequestBody ChallengerRequest request) {
        if (request.share() == null) {
            throw new InvalidFieldException("share", "Say which share of the accounts the challenger decides, in percent");
        }
        ChallengerView started = challenges.start(name, id, request.share(), request.segment(), request.comment());
        return ResponseEntity.created(URI.create("/api/rule-tables/" + name + "/challenger")).body(started);
    }

    @GetMapping("/{name}/challenger")
    ChallengerView challenger(@PathVariable String name) {
        return challenges.running(name).orElseThrow(() -> new NotFoundException("Running challenger of rule table", name));
    }

    @GetMapping("/{name}/challengers")
    List<ChallengerView> challengers(@PathVariable String name) {
        return challenges.history(name);
    }

    @DeleteMapping("/{name}/challenger")
    ChallengerView endChallenger(@PathVariable String name, @RequestParam(required = false) String comment) {
        return challenges.end(name, comment);
    }

    /** Champion and challenger over a period; by default since the latest challenger started, until today. */
    @GetMapping("/{name}/arms")
    ArmComparison arms(@PathVariable String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return arms.compare(name, from, to);
    }

    @PostMapping("/{name}/versions/{id}/simulations")
    ResponseEntity<SimulationView> simulate(@PathVariable String name, @PathVariable UUID id) {
        SimulationView started = simulations.start(name, id);
        return ResponseEntity.accepted()
                .location(URI.create("/api/rule-tables/" + name + "/simulations/" + started.id())).body(started);
    }

    @GetMapping("/{name}/simulations/{simulationId}")
    SimulationView simulation(@PathVariable String name, @PathVariable UUID simulationId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return simulations.get(name, simulationId, page, size);
    }

    @ExceptionHandler(RuleTableRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RuleTableRefusedException refused) {
        HttpStatus status = switch (refused.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case NOT_XLSX, MACROS, EMPTY -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case ZIP_BOMB, FORMULAS -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = problem(status, "rule-table-refused", "Upload refused", refused.getMessage());
        problem.setProperty("reason", refused.reason().name());
        return ResponseEntity.status(status).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://recollect.io/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

}
