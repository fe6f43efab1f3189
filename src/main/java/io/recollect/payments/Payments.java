package io.recollect.payments;

import java.time.Instant;
import org.springframework.data.jpa.repository.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Payments extends JpaRepository<Payment, UUID> {

    Optional<Payment> findByExternalId(String externalId);

    @Query("select distinct p from Payment p left join fetch p.allocations where p.externalId in :externalIds")
    List<Payment> findByExternalIdIn(java.util.Collection<String> externalIds);

    List<Payment> findByCustomerIdOrderByReceivedOnDescRecordedAtDesc(UUID customerId);

    /** Payments with credit left, oldest received first: the order credit is used in. */
    @Query("select p from Payment p where p.customerId in :customerIds and p.unappliedAmount > 0"
            + " and p.reversedAt is null order by p.receivedOn, p.recordedAt")
    List<Payment> findWithCredit(java.util.Collection<UUID> customerIds);

    /** A reversed payment never came: it keeps no promise. */
    @Query("select p from Payment p where p.customerId in :customerIds and p.recordedAt >= :since"
            + " and p.reversedAt is null")
    List<Payment> findRecordedSince(java.util.Collection<UUID> customerIds, Instant since);
}
