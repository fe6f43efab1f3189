package io.recollect.dunning;

import java.time.LocalDate;
import java.util.List;

/**
 * What the case's record says was done before this letter, so a letter states facts rather
 * than assume a ladder: the letters actually sent (with the day they left), and the calls
 * collectors noted (with what came of them).
 */
public record LetterHistory(List<Letter> letters, List<Call> calls) {

    /** A case with nothing on record yet. */
    public static final LetterHistory NONE = new LetterHistory(List.of(), List.of());

    /** An email of the case that the SMTP server accepted; {@code template} names the letter. */
    public record Letter(LocalDate sentOn, String template) {
    }

    /** A call note; {@code outcome} is the contact task's outcome, e.g. NO_CONTACT. */
    public record Call(LocalDate calledOn, String outcome) {
    }

    public boolean nothingBefore() {
        return letters.isEmpty() && calls.isEmpty();
    }
}
