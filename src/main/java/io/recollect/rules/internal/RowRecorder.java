package io.recollect.rules.internal;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;

/** Notes, per session, which spreadsheet rows matched and which fired, in order. */
public final class RowRecorder extends DefaultAgendaEventListener {

    private final List<Integer> matched = new ArrayList<>();
    private final List<Integer> fired = new ArrayList<>();

    @Override
    public void matchCreated(MatchCreatedEvent event) {
        matched.add(SheetRows.requireRow(event.getMatch().getRule().getName()));
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(SheetRows.requireRow(event.getMatch().getRule().getName()));
    }

    public List<Integer> matched() {
        return List.copyOf(matched);
    }

    public List<Integer> fired() {
        return List.copyOf(fired);
    }
}
