package io.recollect.rules;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRecords extends JpaRepository<DecisionRecord, UUID> {

    List<DecisionRecord> findByCustomerIdOrderByDecidedAtAsc(UUID customerId);

    boolean existsByCaseId(UUID caseId);
}
