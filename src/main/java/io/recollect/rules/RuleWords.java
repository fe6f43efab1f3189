package io.recollect.rules;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The words a cell may hold, read off the constants class its snippet names ({@code Segments.$}). */
final class RuleWords {

    private RuleWords() {
    }

    static Set<String> fields(Class<?> words) {
        return Arrays.stream(words.getFields()).map(java.lang.reflect.Field::getName).collect(Collectors.toSet());
    }
}
