package io.recollect.rules.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RuleTableEvents extends JpaRepository<RuleTableEvent, UUID> {

    @Query("select e from RuleTableEvent e where e.tableName = :table order by e.occurredAt desc, e.id")
    List<RuleTableEvent> trail(String table);
}
