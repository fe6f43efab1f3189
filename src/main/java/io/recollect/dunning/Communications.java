package io.recollect.dunning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface Communications extends JpaRepository<Communication, UUID> {

    @Query("select c from Communication c where c.dedupeKey = :dedupeKey")
    Optional<Communication> findByDedupeKey(String dedupeKey);

    List<Communication> findByCustomerIdOrderByCreatedAtAsc(UUID customerId);

    @Query("select c from Communication c where c.caseId = :caseId order by c.createdAt, c.id")
    List<Communication> findByCase(UUID caseId);

}
