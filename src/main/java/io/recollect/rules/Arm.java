package io.recollect.rules;

/** Which version took a decision: the active one (champion) or the challenger beside it. */
public enum Arm {
    CHAMPION, CHALLENGER
}
