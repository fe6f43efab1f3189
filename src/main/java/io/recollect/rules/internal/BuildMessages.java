package io.recollect.rules.internal;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kie.api.builder.Message;

/** Rewrites a Drools build error into words about the sheet: which row, and what is wrong in it. */
final class BuildMessages {

    private static final Pattern POSITION = Pattern.compile("\\[Line: \\d+, Column: \\d+\\]");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.*?):");
    // A word cell the sheet's snippet turned into e.g. YesNo.maybe, which does not exist.
    private static final Pattern UNKNOWN_WORD = Pattern.compile("Unable to Analyse Expression (.*?):.*strict-mode: "
            + Pattern.quote(BuildMessages.class.getPackageName()) + "\\.(\\w+)\\.(\\w+)\\(\\)");
    private static final Map<String, Class<?>> WORD_LISTS =
            Map.of("Segments", Segments.class, "RiskBands", RiskBands.class, "YesNo", YesNo.class);

    private BuildMessages() {
    }

    static String describe(Message message, GeneratedDrl drl) {
        // Drools repeats the generated-source position inside the text; the sheet row says more.
        String text = POSITION.matcher(message.getText()).replaceAll("").replaceAll("\\s+", " ").strip();
        List<Integer> rows = drl.sheetRowAt(message.getLine()).stream().boxed().toList();
        Matcher expression = EXPRESSION.matcher(text);
        if (rows.isEmpty() && expression.find()) {
            // Drools gives no line for a constraint it cannot analyse; the rows holding it are the culprits.
            rows = drl.sheetRowsWithCondition(expression.group(1));
        }
        Matcher word = UNKNOWN_WORD.matcher(text);
        if (word.find() && WORD_LISTS.containsKey(word.group(2))) {
            text = "\"" + word.group(3) + "\" is not one of " + wordsOf(WORD_LISTS.get(word.group(2)))
                    + " (in " + word.group(1) + ")";
        }
        return switch (rows.size()) {
            case 0 -> text;
            case 1 -> "row " + rows.get(0) + ": " + text;
            default -> "rows " + rows.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ": " + text;
        };
    }

    private static String wordsOf(Class<?> words) {
        return Arrays.stream(words.getFields()).map(Field::getName).collect(Collectors.joining(", "));
    }
}
