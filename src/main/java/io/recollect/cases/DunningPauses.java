package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface DunningPauses extends JpaRepository<DunningPause, UUID> {

    @Query("select p from DunningPause p where p.customerId = :customerId and p.endedAt is null")
    List<DunningPause> findByCustomerIdAndEndedAtIsNull(UUID customerId);

    @Query("select p from DunningPause p where p.customerId in :customerIds and p.endedAt is null")
    List<DunningPause> findNotEndedByCustomerIds(java.util.Collection<UUID> customerIds);
}
