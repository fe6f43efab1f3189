package io.recollect.writeoffs.internal;

import io.recollect.writeoffs.WriteOffReason;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface WriteOffs extends JpaRepository<WriteOff, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WriteOff w where w.id = :id")
    Optional<WriteOff> lockById(UUID id);

    Optional<WriteOff> findByOpenCustomerId(UUID customerId);

    List<WriteOff> findByCustomerIdOrderByRequestedAtAsc(UUID customerId);

    List<WriteOff> findByReasonOrderByRequestedAtAsc(WriteOffReason reason);

    List<WriteOff> findAllByOrderByRequestedAtAsc();

    /** The posted write-off that covered the invoice last, for a recovery of it. */
    @Query("select w from WriteOff w join w.lines l where l.invoiceId = :invoiceId"
            + " and w.status = io.recollect.writeoffs.WriteOffStatus.POSTED order by w.decidedAt desc")
    List<WriteOff> postedCovering(UUID invoiceId);
}
