package io.recollect.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectionCases extends JpaRepository<CollectionCase, UUID> {

    Optional<CollectionCase> findByOpenCustomerId(UUID customerId);

    List<CollectionCase> findByCustomerIdOrderByOpenedAtDesc(UUID customerId);
}
