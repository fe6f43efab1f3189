package io.recollect.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides an account's collection path with the active {@code collection-path} table and
 * records the decision in the caller's transaction, so no decision acts unrecorded. While a
 * challenger runs beside the active version, each account is decided by its arm's version and
 * the record says which arm that was.
 */
@Service
public class CollectionPathDecisions {

    private final ActiveRuleTables tables;
    private final CollectionPathRules collectionPath;
    private final DecisionRecords records;
    private final LatestDecisions latest;
    private final ObjectMapper json;
    private final Clock clock;

    CollectionPathDecisions(ActiveRuleTables tables, CollectionPathRules collectionPath, DecisionRecords records,
            LatestDecisions latest, ObjectMapper json, Clock clock) {
        this.tables = tables;
        this.collectionPath = collectionPath;
        this.records = records;
        this.latest = latest;
        this.json = json;
        this.clock = clock;
    }

    /** A decision, the id of its record and the arm that took it. */
    public record Recorded(UUID decisionId, CollectionDecision decision, Arm arm) {
    }

    @Transactional
    public Recorded decide(UUID customerId, UUID caseId, AccountSituation situation) {
        Arms arms = arms();
        Arm arm = arms.armOf(customerId, situation);
        return decide(customerId, caseId, situation, arms.table(arm), arm);
    }

    private Recorded decide(UUID customerId, UUID caseId, AccountSituation situation, CollectionPathTable table, Arm arm) {
        CollectionDecision decision = table.decide(situation);
        DecisionRecord record = records.save(new DecisionRecord(customerId, caseId, toJson(situation), decision, arm,
                clock.instant()));
        latest.recorded(List.of(record));
        return new Recorded(record.getId(), decision, arm);
    }

    /** One account to decide in a batch. */
    public record Request(UUID customerId, UUID caseId, AccountSituation situation) {
    }

    /** A batch's answer for one account: its recorded decision, or the table's gap for it. */
    public record Outcome(Request request, Recorded recorded, NoMatchingRuleException gap) {
    }

    /**
     * Decides a batch and records every decision in the caller's transaction. While a challenger
     * runs, the batch is split by arm and each part decided in one Drools session with its arm's
     * version. A situation no row covers is answered as a gap for that account alone; the rest
     * of the batch is decided and recorded as usual.
     *
     * @return the outcomes, in the order of the requests
     */
    @Transactional
    public List<Outcome> decideAll(List<Request> requests) {
        Arms arms = arms();
        if (arms.challenger().isEmpty()) {
            return decideAll(requests, arms.champion(), Arm.CHAMPION);
        }
        Map<Arm, List<Integer>> split = new EnumMap<>(Arm.class);
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            split.computeIfAbsent(arms.armOf(request.customerId(), request.situation()), a -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[requests.size()];
        split.forEach((arm, indexes) -> {
            List<Outcome> decided = decideAll(indexes.stream().map(requests::get).toList(), arms.table(arm), arm);
            for (int i = 0; i < indexes.size(); i++) {
                outcomes[indexes.get(i)] = decided.get(i);
            }
        });
        return Arrays.asList(outcomes);
    }

    private List<Outcome> decideAll(List<Request> requests, CollectionPathTable table, Arm arm) {
        List<AccountSituation> situations = requests.stream().map(Request::situation).toList();
        List<CollectionDecision> decided;
        try {
            decided = table.decideAll(situations);
        } catch (NoMatchingRuleException gapInBatch) {
            return requests.stream().map(request -> decideAlone(request, table, arm)).toList();
        }
        Instant now = clock.instant();
        List<DecisionRecord> rows = new ArrayList<>(requests.size());
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            DecisionRecord row = new DecisionRecord(request.customerId(), request.caseId(),
                    toJson(request.situation()), decided.get(i), arm, now);
            rows.add(row);
            outcomes.add(new Outcome(request, new Recorded(row.getId(), decided.get(i), arm), null));
        }
        records.saveAll(rows);
        latest.recorded(rows);
        return outcomes;
    }

    private Outcome decideAlone(Request request, CollectionPathTable table, Arm arm) {
        try {
            return new Outcome(request, decide(request.customerId(), request.caseId(), request.situation(), table, arm),
                    null);
        } catch (NoMatchingRuleException gap) {
            return new Outcome(request, null, gap);
        }
    }

    /** The champion and, while one runs, the challenger, as the database says now. */
    private record Arms(CollectionPathTable champion, Optional<ActiveRuleTables.Challenger<CollectionPathTable>> challenger) {

        Arm armOf(UUID customerId, AccountSituation situation) {
            return challenger.map(c -> c.armOf(customerId, situation.getSegment())).orElse(Arm.CHAMPION);
        }

        CollectionPathTable table(Arm arm) {
            return arm == Arm.CHALLENGER ? challenger.orElseThrow().table() : champion;
        }
    }

    private Arms arms() {
        return new Arms(active(), tables.challenger(collectionPath));
    }

    /** The version deciding now, as the database says; a new activation is compiled on first use. */
    public CollectionPathTable active() {
        return tables.get(collectionPath);
    }

    @Transactional(readOnly = true)
    public List<DecisionRecordView> forCustomer(UUID customerId) {
        return records.findByCustomerIdOrderByDecidedAtAsc(customerId).stream().map(DecisionRecord::view).toList();
    }

    private String toJson(AccountSituation situation) {
        try {
            return json.writeValueAsString(situation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record situation " + situation, e);
        }
    }
}
