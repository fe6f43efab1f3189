package io.recollect.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/** The cases module's public face for reading cases; the collection run opens and closes them. */
@Service
public class CollectionCaseService {

    private final CollectionCases cases;
    private final CaseEvents events;

    CollectionCaseService(CollectionCases cases, CaseEvents events) {
        this.cases = cases;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> openCase(UUID customerId) {
        return cases.findByOpenCustomerId(customerId).map(CaseView::of);
    }

    @Transactional(readOnly = true)
    public List<CaseView> history(UUID customerId) {
        return cases.findByCustomerIdOrderByOpenedAtDesc(customerId).stream().map(CaseView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<CaseEventView> events(UUID customerId) {
        return events.findByCustomerIdOrderByOccurredAtAsc(customerId).stream().map(CaseEvent::view).toList();
    }
}
