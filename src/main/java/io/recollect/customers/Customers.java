package io.recollect.customers;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Customers extends JpaRepository<Customer, UUID> {

    Optional<Customer> findByExternalRef(String externalRef);

    boolean existsByExternalRef(String externalRef);

    java.util.List<Customer> findByExternalRefIn(java.util.Collection<String> externalRefs);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> lockById(UUID id);
}
