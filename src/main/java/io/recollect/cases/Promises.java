package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface Promises extends JpaRepository<Promise, UUID> {

    @Query("select p from Promise p where p.customerId = :customerId and p.status = :status")
    List<Promise> findByCustomerIdAndStatus(UUID customerId, PromiseStatus status);

    @Query("select count(p) from Promise p where p.caseId = :caseId and p.status = :status")
    long countByCaseIdAndStatus(UUID caseId, PromiseStatus status);
}
