package io.recollect.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.recollect.rules.internal.RuleTableChallenger;
import io.recollect.rules.internal.RuleTableChallengers;
import io.recollect.rules.internal.RuleTableEvent;
import io.recollect.rules.internal.RuleTableEvents;
import io.recollect.rules.internal.RuleTableVersion;
import io.recollect.rules.internal.RuleTableVersions;
import io.recollect.rules.internal.Segments;
import io.recollect.security.CurrentUser;
import io.recollect.shared.ConflictException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.NotFoundException;
import io.recollect.shared.NotPermittedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Champion and challenger: a candidate version decides a reproducible share of the accounts
 * beside the active version, until a manager ends it or activates it (promotion, see
 * {@link RuleTableService#activate}). Starting one is four-eyes like activating; the database
 * keeps at most one running per table. Every start and end is audited.
 */
@Service
public class RuleTableChallenges {

    static final int MAX_SHARE = 50;

    private final RuleTableService tables;
    private final RuleTableVersions versions;
    private final RuleTableChallengers challengers;
    private final RuleTableEvents events;
    private final RuleTableProperties properties;
    private final Clock clock;

    RuleTableChallenges(RuleTableService tables, RuleTableVersions versions, RuleTableChallengers challengers,
            RuleTableEvents events, RuleTableProperties properties, Clock clock) {
        this.tables = tables;
        this.versions = versions;
        this.challengers = challengers;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the candidate as the table's challenger for {@code sharePercent} % of its accounts
     * (of {@code segment} only, when given).
     */
    @Transactional
    public ChallengerView start(String table, UUID versionId, int sharePercent, String segment, String comment) {
        CurrentUser user = RuleTableService.requireManager("start a challenger of " + table);
        tables.find(table, versionId);
        if (!CollectionPathTable.NAME.equals(table)) {
            throw new ConflictException("not-challengeable", "Only " + CollectionPathTable.NAME
                    + " decides accounts one by one, so only it can run a challenger beside its active version");
        }
        if (sharePercent < 1 || sharePercent > MAX_SHARE) {
            throw new InvalidFieldException("share", "The challenger's share is a whole percentage from 1 to "
                    + MAX_SHARE + ", so the active version keeps most accounts");
        }
        String inSegment = segment == null || segment.isBlank() ? null : segment.strip();
        if (inSegment != null && !RuleWords.fields(Segments.class).contains(inSegment)) {
            throw new InvalidFieldException("segment", "Unknown segment '" + inSegment + "'; one of "
                    + RuleWords.fields(Segments.class).stream().sorted().toList() + ", or none for every segment");
        }
        // Starts, ends and activations of one table queue on its active row, so the loser of a race
        // finds the winner's challenger here instead of colliding with it in the database.
        versions.lockActive(table);
        RuleTableVersion version = versions.lock(versionId).orElseThrow();
        if (version.getStatus() != RuleTableStatus.CANDIDATE) {
            throw new ConflictException("not-a-candidate", "Only a candidate that passed its checks can challenge;"
                    + " this version is " + version.getStatus());
        }
        if (properties.fourEyes() && version.getUploadedBy().equals(user.id())) {
            throw new NotPermittedException("four-eyes", "You uploaded this version, so another collection"
                    + " manager must start it as a challenger (four-eyes)");
        }
        challengers.running(table).ifPresent(running -> {
            throw new ConflictException("challenger-running", "A challenger already runs for " + table + " (version "
                    + running.getVersionId() + "); end it or activate it before starting another");
        });
        Instant now = clock.instant();
        RuleTableChallenger challenger;
        try {
            challenger = challengers.saveAndFlush(new RuleTableChallenger(table, versionId, sharePercent, inSegment,
                    user.id(), now, comment));
        } catch (DataIntegrityViolationException concurrent) {
            throw new ConflictException("challenger-running", "Another challenger of " + table
                    + " was started at the same moment; reload and try again");
        }
        events.save(new RuleTableEvent(table, versionId, RuleTableEvent.Kind.CHALLENGER_STARTED, user.id(), now, comment,
                sharePercent + " % of " + (inSegment == null ? "all accounts" : "segment " + inSegment)));
        return view(challenger);
    }

    /** Ends the running challenger; its accounts go back to the active version from their next decision. */
    @Transactional
    public ChallengerView end(String table, String comment) {
        CurrentUser user = RuleTableService.requireManager("end the challenger of " + table);
        tables.definition(table);
        versions.lockActive(table);
        RuleTableChallenger running = challengers.lockRunning(table).orElseThrow(() ->
                new NotFoundException("Running challenger of rule table", table));
        Instant now = clock.instant();
        running.end(RuleTableChallenger.EndReason.ENDED, user.id(), now);
        challengers.saveAndFlush(running);
        events.save(new RuleTableEvent(table, running.getVersionId(), RuleTableEvent.Kind.CHALLENGER_ENDED, user.id(),
                now, comment, "after " + running.getSharePercent() + " % since " + running.getStartedAt()));
        return view(running);
    }

    @Transactional(readOnly = true)
    public Optional<ChallengerView> running(String table) {
        tables.definition(table);
        return challengers.running(table).map(this::view);
    }

    @Transactional(readOnly = true)
    public List<ChallengerView> history(String table) {
        tables.definition(table);
        return challengers.history(table).stream().map(this::view).toList();
    }

    private ChallengerView view(RuleTableChallenger c) {
        String sha256 = versions.findById(c.getVersionId()).map(RuleTableVersion::getSha256).orElse(null);
        return new ChallengerView(c.getId(), c.getTableName(), c.getVersionId(), sha256, c.getSharePercent(),
                c.getSegment(), c.getStartedBy(), c.getStartedAt(), c.getComment(), c.getEndedBy(), c.getEndedAt(),
                c.getEndReason() == null ? null : c.getEndReason().name());
    }
}
