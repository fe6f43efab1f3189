package io.recollect.rules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface DecisionRecords extends JpaRepository<DecisionRecord, UUID> {

    List<DecisionRecord> findByCustomerIdOrderByDecidedAtAsc(UUID customerId);

    @Query("select count(d) > 0 from DecisionRecord d where d.caseId = :caseId and d.decidedAt >= :since")
    boolean existsByCaseIdSince(UUID caseId, Instant since);
}
