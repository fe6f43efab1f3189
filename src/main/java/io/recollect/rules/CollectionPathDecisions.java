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

    private final CollectionPathTable table;
    private final DecisionRecords records;
    private final ObjectMapper json;
    private final Clock clock;

    CollectionPathDecisions(CollectionPathTable table, DecisionRecords records, ObjectMapper json, Clock clock) {
        this.table = table;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** A decision and the id of its record. */
    public record Recorded(UUID decisionId, CollectionDecision decision) {
    }

    @Transactional
    public Recorded decide(UUID customerId, UUID caseId, AccountSituation situation) {
        CollectionDecision decision = table.decide(situation);
        DecisionRecord record = records.save(new DecisionRecord(customerId, caseId, toJson(situation), decision,
                clock.instant()));
        return new Recorded(record.getId(), decision);
    }

    /** Whether the case has been evaluated at or after the given moment. */
    @Transactional(readOnly = true)
    public boolean hasDecidedSince(UUID caseId, Instant since) {
        return records.existsByCaseIdSince(caseId, since);
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
