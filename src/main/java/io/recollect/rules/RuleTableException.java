package io.recollect.rules;

import java.util.List;

/** A decision table that cannot be used: it does not parse, does not compile, or holds no rules. */
public class RuleTableException extends RuntimeException {

    private final String table;
    private final List<String> messages;

    public RuleTableException(String table, List<String> messages) {
        this(table, messages, null);
    }

    public RuleTableException(String table, List<String> messages, Throwable cause) {
        super("Decision table '" + table + "' cannot be used: " + String.join("; ", messages), cause);
        this.table = table;
        this.messages = List.copyOf(messages);
    }

    public String table() {
        return table;
    }

    public List<String> messages() {
        return messages;
    }
}
