package io.recollect.customers;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Customers extends JpaRepository<Customer, UUID> {

    Optional<Customer> findByExternalRef(String externalRef);

    boolean existsByExternalRef(String externalRef);
}
