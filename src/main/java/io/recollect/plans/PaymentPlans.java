package io.recollect.plans;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentPlans extends JpaRepository<PaymentPlan, UUID> {

    Optional<PaymentPlan> findByOpenCustomerId(UUID customerId);

    List<PaymentPlan> findByCustomerIdOrderByCreatedAtAsc(UUID customerId);

    List<PaymentPlan> findByCustomerIdInAndStatus(Collection<UUID> customerIds, PlanStatus status);
}
