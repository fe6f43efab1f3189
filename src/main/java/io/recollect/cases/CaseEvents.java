package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEvents extends JpaRepository<CaseEvent, UUID> {

    List<CaseEvent> findByCustomerIdOrderByOccurredAtAsc(UUID customerId);
}
