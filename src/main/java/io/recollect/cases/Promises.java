package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface Promises extends JpaRepository<Promise, UUID> {

    @Query("select p from Promise p where p.customerId = :customerId and p.status = :status")
    List<Promise> findByCustomerIdAndStatus(UUID customerId, PromiseStatus status);

    @Query("select p from Promise p where p.customerId in :customerIds"
            + " and p.status = io.recollect.cases.PromiseStatus.OPEN")
    List<Promise> findOpenByCustomerIds(java.util.Collection<UUID> customerIds);

    @Query("select p.caseId, count(p) from Promise p where p.caseId in :caseIds"
            + " and p.status = io.recollect.cases.PromiseStatus.BROKEN group by p.caseId")
    List<Object[]> countBrokenByCaseIds(java.util.Collection<UUID> caseIds);

    @Query("select count(p) from Promise p where p.caseId = :caseId and p.status = :status")
    long countByCaseIdAndStatus(UUID caseId, PromiseStatus status);
}
