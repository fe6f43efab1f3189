package io.recollect.rules;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface DecisionRecords extends JpaRepository<DecisionRecord, UUID> {

    List<DecisionRecord> findByCustomerIdOrderByDecidedAtAsc(UUID customerId);
}
