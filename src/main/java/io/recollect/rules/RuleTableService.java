package io.recollect.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recollect.rules.internal.RuleTableChallenger;
import io.recollect.rules.internal.RuleTableChallengers;
import io.recollect.rules.internal.RuleTableEvent;
import io.recollect.rules.internal.RuleTableEvents;
import io.recollect.rules.internal.RuleTableVersion;
import io.recollect.rules.internal.RuleTableVersions;
import io.recollect.rules.internal.UploadChecks;
import io.recollect.rules.internal.UploadGate;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.ConflictException;
import io.recollect.shared.NotFoundException;
import io.recollect.shared.NotPermittedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Governs rule-table versions: upload (checked; refused, rejected or a candidate), download,
 * activation and rollback (managers only, never by the uploader while four-eyes is on; activating
 * a running challenger's version promotes it), and the audit trail of all of it. Roles are checked here as well as on the URL.
 */
@Service
public class RuleTableService {

    private final Map<String, RuleTableDefinition<?>> definitions;
    private final RuleTableVersions versions;
    private final RuleTableEvents events;
    private final RuleTableChallengers challengers;
    private final RuleTableProperties properties;
    private final UploadGate gate;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RuleTableService(List<RuleTableDefinition<?>> definitions, RuleTableVersions versions, RuleTableEvents events,
            RuleTableChallengers challengers, RuleTableProperties properties, ObjectMapper json,
            PlatformTransactionManager transactions, Clock clock) {
        this.definitions = definitions.stream().collect(Collectors.toMap(RuleTableDefinition::name, Function.identity()));
        this.versions = versions;
        this.events = events;
        this.challengers = challengers;
        this.properties = properties;
        this.gate = new UploadGate(properties);
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RuleTableSummary> tables() {
        return definitions.keySet().stream().sorted()
                .map(name -> new RuleTableSummary(name, versions.active(name).map(this::view).orElse(null))).toList();
    }

    @Transactional(readOnly = true)
    public List<RuleTableVersionView> versions(String table) {
        definition(table);
        return versions.history(table).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RuleTableVersionView version(String table, UUID id) {
        return view(find(table, id));
    }

    /** The exact bytes that were uploaded (or seeded). */
    @Transactional(readOnly = true)
    public byte[] content(String table, UUID id) {
        return find(table, id).getContent();
    }

    @Transactional(readOnly = true)
    public List<RuleTableEventView> trail(String table) {
        definition(table);
        return events.trail(table).stream().map(e -> new RuleTableEventView(e.getId(), e.getTableName(),
                e.getVersionId(), e.getKind().name(), e.getActor(), e.getOccurredAt(), e.getComment(), e.getDetail()))
                .toList();
    }

    /**
     * Stores the workbook as a new version: a CANDIDATE when it passes every check, REJECTED with
     * its problems otherwise. A file that is no xlsx, too large, a zip bomb or full of formulas is
     * refused without being stored; the refusal is audited all the same.
     *
     * @throws RuleTableRefusedException for a refused file
     */
    public RuleTableVersionView upload(String table, byte[] content, String comment) {
        RuleTableDefinition<?> definition = definition(table);
        String actor = requireManager("upload a version of " + table).id();
        try {
            gate.inspect(content);
        } catch (RuleTableRefusedException refused) {
            transaction.executeWithoutResult(tx -> events.save(new RuleTableEvent(table, null,
                    RuleTableEvent.Kind.REFUSED, actor, clock.instant(), comment, refused.getMessage())));
            throw refused;
        }
        // Checked outside the transaction: compiling takes a while and holds no rows.
        List<RuleTableProblem> problems = UploadChecks.check(definition, content);
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            RuleTableVersion version = versions.save(new RuleTableVersion(UUID.randomUUID(), table, content, actor,
                    now, comment, problems.isEmpty() ? null : toJson(problems)));
            events.save(new RuleTableEvent(table, version.getId(), problems.isEmpty() ? RuleTableEvent.Kind.UPLOADED
                    : RuleTableEvent.Kind.REJECTED, actor, now, comment,
                    problems.isEmpty() ? null : problems.size() + " problem(s), first: " + problems.get(0)));
            return view(version);
        });
    }

    /**
     * Makes the version the one every node decides with; the one active before retires. Activating
     * a retired version is a rollback. Activations of one table queue on the active row's lock, and
     * the database's unique active_table refuses a second ACTIVE whatever happens.
     */
    @Transactional
    public RuleTableVersionView activate(String table, UUID id, String comment) {
        CurrentUser user = requireManager("activate a version of " + table);
        find(table, id);
        RuleTableVersion current = versions.lockActive(table).orElse(null);
        RuleTableVersion version = versions.lock(id).orElseThrow();
        switch (version.getStatus()) {
            case REJECTED -> throw new ConflictException("rule-table-version-rejected",
                    "This version was rejected by the checks and can never be activated; fix its errors and upload it again");
            case ACTIVE -> throw new ConflictException("rule-table-version-active", "This version is already active");
            default -> { }
        }
        if (properties.fourEyes() && version.getUploadedBy().equals(user.id())) {
            throw new NotPermittedException("four-eyes", "You uploaded this version, so another collection"
                    + " manager must activate it (four-eyes)");
        }
        if (current == null && versions.active(table).isPresent()) {
            // The active row this call waited for was retired by a racing activation, which won:
            // answered here, before the database's unique active_table would refuse it with an error in the log.
            throw concurrentActivation(table);
        }
        boolean rollback = version.getStatus() == RuleTableStatus.RETIRED;
        Instant now = clock.instant();
        try {
            if (current != null) {
                if (current.getStatus() != RuleTableStatus.ACTIVE) {
                    throw new DataIntegrityViolationException("retired while waiting for its lock");
                }
                current.retire();
                versions.saveAndFlush(current);
            }
            version.activate(user.id(), now);
            versions.saveAndFlush(version);
        } catch (DataIntegrityViolationException concurrent) {
            throw concurrentActivation(table);
        }
        events.save(new RuleTableEvent(table, id, rollback ? RuleTableEvent.Kind.ROLLED_BACK : RuleTableEvent.Kind.ACTIVATED,
                user.id(), now, comment, current == null ? null : "replaces " + current.getId()));
        endPromotedChallenger(table, id, user.id(), now);
        return view(version);
    }

    private static ConflictException concurrentActivation(String table) {
        return new ConflictException("concurrent-activation",
                "Another version of " + table + " was activated at the same moment; reload and try again");
    }

    /** Activating the challenger's version promotes it: the challenge is over, every account is its. */
    private void endPromotedChallenger(String table, UUID id, String actor, Instant now) {
        challengers.lockRunning(table).filter(running -> running.getVersionId().equals(id)).ifPresent(running -> {
            running.end(RuleTableChallenger.EndReason.PROMOTED, actor, now);
            challengers.saveAndFlush(running);
            events.save(new RuleTableEvent(table, id, RuleTableEvent.Kind.CHALLENGER_PROMOTED, actor, now, null,
                    "challenger of " + running.getSharePercent() + " % since " + running.getStartedAt()
                            + " now decides every account"));
        });
    }

    /** For the simulation: records who simulated which version, and what it found. */
    @Transactional
    public void recordSimulation(String table, UUID id, String actor, String detail) {
        events.save(new RuleTableEvent(table, id, RuleTableEvent.Kind.SIMULATED, actor, clock.instant(), null, detail));
    }

    RuleTableDefinition<?> definition(String table) {
        RuleTableDefinition<?> definition = definitions.get(table);
        if (definition == null) {
            throw new NotFoundException("Rule table", table);
        }
        return definition;
    }

    RuleTableVersion find(String table, UUID id) {
        definition(table);
        return versions.findById(id).filter(v -> v.getTableName().equals(table)).orElseThrow(() ->
                new NotFoundException("Version of rule table " + table, id));
    }

    static CurrentUser requireManager(String what) {
        CurrentUser user = CurrentUser.get().orElseThrow(() ->
                new NotPermittedException("collection-managers-only", "Only a signed-in collection manager may " + what));
        if (!user.inAny(Roles.MANAGERS)) {
            throw new NotPermittedException("collection-managers-only", "Only collection managers may " + what);
        }
        return user;
    }

    private RuleTableVersionView view(RuleTableVersion v) {
        return new RuleTableVersionView(v.getId(), v.getTableName(), v.getSha256(), v.getUploadedBy(), v.getUploadedAt(),
                v.getComment(), v.getStatus(), fromJson(v.getErrors()), v.getActivatedBy(), v.getActivatedAt());
    }

    private String toJson(List<RuleTableProblem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleTableProblem> fromJson(String errors) {
        if (errors == null) {
            return List.of();
        }
        try {
            return json.readValue(errors, new TypeReference<List<RuleTableProblem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
