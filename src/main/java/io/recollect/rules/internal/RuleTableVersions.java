package io.recollect.rules.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RuleTableVersions extends JpaRepository<RuleTableVersion, UUID> {

    @Query("select v from RuleTableVersion v where v.tableName = :table order by v.uploadedAt desc, v.id")
    List<RuleTableVersion> history(String table);

    @Query("select v from RuleTableVersion v where v.activeTable = :table")
    Optional<RuleTableVersion> active(String table);

    /** The active version, locked: activations of one table queue behind each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from RuleTableVersion v where v.activeTable = :table")
    Optional<RuleTableVersion> lockActive(String table);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from RuleTableVersion v where v.id = :id")
    Optional<RuleTableVersion> lock(UUID id);
}
