package io.recollect.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides an account's collection path with the active {@code collection-path} table and
 * records the decision in the caller's transaction, so no decision acts unrecorded.
 */
@Service
public class CollectionPathDecisions {

    private final ActiveRuleTables tables;
    private final CollectionPathRules collectionPath;
    private final DecisionRecords records;
    private final ObjectMapper json;
    private final Clock clock;

    CollectionPathDecisions(ActiveRuleTables tables, CollectionPathRules collectionPath, DecisionRecords records,
            ObjectMapper json, Clock clock) {
        this.tables = tables;
        this.collectionPath = collectionPath;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** A decision and the id of its record. */
    public record Recorded(UUID decisionId, CollectionDecision decision) {
    }

    @Transactional
    public Recorded decide(UUID customerId, UUID caseId, AccountSituation situation) {
        CollectionDecision decision = active().decide(situation);
        DecisionRecord record = records.save(new DecisionRecord(customerId, caseId, toJson(situation), decision,
                clock.instant()));
        return new Recorded(record.getId(), decision);
    }

    /** One account to decide in a batch. */
    public record Request(UUID customerId, UUID caseId, AccountSituation situation) {
    }

    /** A batch's answer for one account: its recorded decision, or the table's gap for it. */
    public record Outcome(Request request, Recorded recorded, NoMatchingRuleException gap) {
    }

    /**
     * Decides a batch in one Drools session and records every decision in the caller's
     * transaction. A situation no row covers is answered as a gap for that account alone; the
     * rest of the batch is decided and recorded as usual.
     */
    @Transactional
    public List<Outcome> decideAll(List<Request> requests) {
        List<AccountSituation> situations = requests.stream().map(Request::situation).toList();
        List<CollectionDecision> decided;
        try {
            decided = active().decideAll(situations);
        } catch (NoMatchingRuleException gapInBatch) {
            return requests.stream().map(this::decideAlone).toList();
        }
        Instant now = clock.instant();
        List<DecisionRecord> rows = new java.util.ArrayList<>(requests.size());
        List<Outcome> outcomes = new java.util.ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            DecisionRecord row = new DecisionRecord(request.customerId(), request.caseId(),
                    toJson(request.situation()), decided.get(i), now);
            rows.add(row);
            outcomes.add(new Outcome(request, new Recorded(row.getId(), decided.get(i)), null));
        }
        records.saveAll(rows);
        return outcomes;
    }

    private Outcome decideAlone(Request request) {
        try {
            return new Outcome(request, decide(request.customerId(), request.caseId(), request.situation()), null);
        } catch (NoMatchingRuleException gap) {
            return new Outcome(request, null, gap);
        }
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
