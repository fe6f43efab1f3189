package io.recollect.payments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Payments extends JpaRepository<Payment, UUID> {

    Optional<Payment> findByExternalId(String externalId);

    List<Payment> findByCustomerIdOrderByReceivedOnDescRecordedAtDesc(UUID customerId);
}
