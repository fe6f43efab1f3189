package io.recollect.imports;

/** What to do with a file some of whose lines cannot be imported: the uploader chooses. */
public enum OnBadLines {
    /** Import the good lines, and what depends only on them; report the bad ones. */
    IMPORT_REST,
    /** Record nothing and report the bad lines (the default; the API answers 422). */
    REFUSE_FILE
}
