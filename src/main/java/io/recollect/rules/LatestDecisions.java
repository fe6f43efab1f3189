package io.recollect.rules;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each case's latest decision, kept beside the decision history in the transaction that records
 * it, so "open cases by action and by rule" reads one row per case instead of ranking the whole
 * history.
 */
@Component
class LatestDecisions {

    private final JdbcTemplate jdbc;

    LatestDecisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes each record the latest of its case (records without a case are left out), set-based per batch. */
    void recorded(Collection<DecisionRecord> records) {
        Map<UUID, DecisionRecordView> latest = new LinkedHashMap<>();
        for (DecisionRecord record : records) {
            DecisionRecordView view = record.view();
            if (view.caseId() != null) {
                latest.put(view.caseId(), view);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<Object[]> cases = latest.keySet().stream().map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("delete from case_latest_decisions where case_id = ?", cases);
        jdbc.batchUpdate("insert into case_latest_decisions (case_id, decision_id, action, table_name, table_row,"
                + " decided_at) values (?, ?, ?, ?, ?, ?)", latest.values().stream().map(view -> new Object[] {
                        view.caseId(), view.id(), view.action().name(), view.citation().table(), view.citation().row(),
                        Timestamp.from(view.decidedAt())}).toList());
    }
}
