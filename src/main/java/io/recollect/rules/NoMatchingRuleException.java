package io.recollect.rules;

/** No row of a decision table covers the given situation: a gap in the table, not in the data. */
public class NoMatchingRuleException extends RuntimeException {

    private final String table;
    private final String version;
    private final transient Object situation;

    public NoMatchingRuleException(String table, String version, Object situation) {
        super("No row of decision table '" + table + "' (version " + version + ") covers " + situation);
        this.table = table;
        this.version = version;
        this.situation = situation;
    }

    public String table() {
        return table;
    }

    public String version() {
        return version;
    }

    public Object situation() {
        return situation;
    }
}
