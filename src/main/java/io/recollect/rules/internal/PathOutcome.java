package io.recollect.rules.internal;

import io.recollect.rules.CollectionAction;

/**
 * Collects what the fired row's ACTION columns write. The sheet declares it as the global
 * {@code outcome}; it is public only because the generated rule code calls it.
 */
public final class PathOutcome {

    private CollectionAction action;
    private int dunningLevel;
    private int waitDays;
    private String reason;

    public void setAction(CollectionAction action) {
        this.action = action;
    }

    public void setDunningLevel(int dunningLevel) {
        this.dunningLevel = dunningLevel;
    }

    public void setWaitDays(int waitDays) {
        this.waitDays = waitDays;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public CollectionAction action() {
        return action;
    }

    public int dunningLevel() {
        return dunningLevel;
    }

    public int waitDays() {
        return waitDays;
    }

    public String reason() {
        return reason;
    }
}
