package io.recollect.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.recollect.rules.internal.RuleTableEvent;
import io.recollect.rules.internal.RuleTableEvents;
import io.recollect.rules.internal.RuleTableVersion;
import io.recollect.rules.internal.RuleTableVersions;
import io.recollect.rules.internal.Sha256;
import io.recollect.rules.internal.UploadChecks;
import io.recollect.rules.internal.UploadGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shipped workbook becomes a table's first version, once, on whichever node starts first. The
 * seed's id is derived from its bytes, so two nodes seeding at the same moment insert the same
 * row and the loser's duplicate key is simply the proof that the table is seeded.
 */
@Component
class RuleTableSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleTableSeeding.class);
    static final String SYSTEM = "system";

    private final List<RuleTableDefinition<?>> definitions;
    private final RuleTableVersions versions;
    private final RuleTableEvents events;
    private final ResourceLoader resources;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final UploadGate gate;

    RuleTableSeeding(List<RuleTableDefinition<?>> definitions, RuleTableVersions versions, RuleTableEvents events,
            ResourceLoader resources, PlatformTransactionManager transactions, Clock clock,
            RuleTableProperties properties) {
        this.gate = new UploadGate(properties);
        this.definitions = definitions;
        this.versions = versions;
        this.events = events;
        this.resources = resources;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        definitions.forEach(this::seed);
    }

    /** Stores and activates the shipped workbook if the table has no version yet. */
    void seed(RuleTableDefinition<?> definition) {
        if (!versions.history(definition.name()).isEmpty()) {
            return;
        }
        byte[] content = read(definition);
        // A shipped table passes the checks an upload must pass, or the start stops: the first
        // version is held to the same standard as every later one.
        List<RuleTableProblem> problems = problems(definition, content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The shipped rule table " + definition.name() + " (" + definition.seed()
                    + ") fails the upload checks: " + problems);
        }
        UUID id = UUID.nameUUIDFromBytes(("seed:" + definition.name() + ":" + Sha256.hex(content))
                .getBytes(StandardCharsets.UTF_8));
        try {
            newTransaction.executeWithoutResult(tx -> {
                RuleTableVersion seed = new RuleTableVersion(id, definition.name(), content, SYSTEM, clock.instant(),
                        "Shipped with the application (" + definition.seed() + ")", null);
                seed.activate(SYSTEM, clock.instant());
                versions.saveAndFlush(seed);
                events.save(new RuleTableEvent(definition.name(), id, RuleTableEvent.Kind.SEEDED, SYSTEM,
                        clock.instant(), seed.getComment(), null));
            });
            log.info("Seeded rule table {} from {}", definition.name(), definition.seed());
        } catch (DataIntegrityViolationException seededByAnotherNode) {
            log.info("Rule table {} was seeded by another node", definition.name());
        }
    }

    /** What an upload of the bytes would be refused or rejected for; empty when they would be a candidate. */
    List<RuleTableProblem> problems(RuleTableDefinition<?> definition, byte[] content) {
        try {
            gate.inspect(content);
        } catch (RuleTableRefusedException refused) {
            return List.of(RuleTableProblem.ofFile(refused.getMessage()));
        }
        return UploadChecks.check(definition, content);
    }

    byte[] read(RuleTableDefinition<?> definition) {
        try {
            return resources.getResource(definition.seed()).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule table " + definition.name() + " from " + definition.seed(), e);
        }
    }
}
