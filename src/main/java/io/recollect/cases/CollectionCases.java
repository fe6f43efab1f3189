package io.recollect.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface CollectionCases extends JpaRepository<CollectionCase, UUID> {

    @Query("select c from CollectionCase c where c.openCustomerId = :customerId")
    Optional<CollectionCase> findByOpenCustomerId(UUID customerId);

    List<CollectionCase> findByCustomerIdOrderByOpenedAtDesc(UUID customerId);

    @Query("select c from CollectionCase c where c.openCustomerId in :customerIds")
    List<CollectionCase> findOpenByCustomerIds(java.util.Collection<UUID> customerIds);
}
