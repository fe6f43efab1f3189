package io.recollect.security;

/** A value of a task form that the person who submitted it must correct, in their words, naming the field. */
public record TaskFormMistake(String field, String message) {
}
