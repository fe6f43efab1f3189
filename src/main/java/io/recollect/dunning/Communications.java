package io.recollect.dunning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Communications extends JpaRepository<Communication, UUID> {

    Optional<Communication> findByDedupeKey(String dedupeKey);

    List<Communication> findByCustomerIdOrderByCreatedAtAsc(UUID customerId);
}
