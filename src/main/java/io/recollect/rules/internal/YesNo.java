package io.recollect.rules.internal;

/**
 * The words a yes/no cell may hold: the sheet's snippet reads "yes" as {@code YesNo.yes}. Anything
 * else fails to compile and is reported with its row, where reading it as "no" would silently
 * change the rule. Capitalised forms are accepted because spreadsheet autocorrect produces them.
 */
public final class YesNo {

    public static final boolean yes = true;
    public static final boolean Yes = true;
    public static final boolean YES = true;
    public static final boolean no = false;
    public static final boolean No = false;
    public static final boolean NO = false;

    private YesNo() {
    }
}
