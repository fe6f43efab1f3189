package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Promises extends JpaRepository<Promise, UUID> {

    List<Promise> findByCustomerIdAndStatus(UUID customerId, PromiseStatus status);

    long countByCaseIdAndStatus(UUID caseId, PromiseStatus status);
}
