package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DunningPauses extends JpaRepository<DunningPause, UUID> {

    List<DunningPause> findByCustomerIdAndEndedAtIsNull(UUID customerId);
}
