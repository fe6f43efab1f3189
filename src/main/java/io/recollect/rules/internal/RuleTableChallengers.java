package io.recollect.rules.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RuleTableChallengers extends JpaRepository<RuleTableChallenger, UUID> {

    @Query("select c from RuleTableChallenger c where c.runningTable = :table")
    Optional<RuleTableChallenger> running(String table);

    /** The running challenge, locked: ending and promoting queue behind each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from RuleTableChallenger c where c.runningTable = :table")
    Optional<RuleTableChallenger> lockRunning(String table);

    @Query("select c from RuleTableChallenger c where c.tableName = :table order by c.startedAt desc, c.id")
    List<RuleTableChallenger> history(String table);
}
