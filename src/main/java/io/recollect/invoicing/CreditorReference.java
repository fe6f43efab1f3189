package io.recollect.invoicing;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * An ISO 11649 structured creditor reference ("RF" + two check digits + up to 21 letters and
 * digits), checked like an IBAN: moved to the end, letters as numbers, the whole mod 97 is 1.
 */
public final class CreditorReference {

    private static final int MAX_BODY = 21;
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private CreditorReference() {
    }

    /** The reference for a body of letters and digits, e.g. "INV12345" -> "RF..INV12345". */
    public static String of(String body) {
        String clean = body.toUpperCase(Locale.ROOT);
        if (clean.isEmpty() || clean.length() > MAX_BODY || !clean.chars().allMatch(Character::isLetterOrDigit)
                || !clean.chars().allMatch(c -> c < 128)) {
            throw new IllegalArgumentException("A creditor reference holds 1 to 21 letters and digits");
        }
        int check = 98 - mod97(clean + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + clean;
    }

    /** The reference made of the invoice number's letters and digits, when they fit (ASCII, 1 to 21). */
    public static Optional<String> fromNumber(String number) {
        String body = number.replaceAll("[^A-Za-z0-9]", "");
        return body.isEmpty() || body.length() > MAX_BODY || !body.chars().allMatch(c -> c < 128)
                ? Optional.empty() : Optional.of(of(body));
    }

    /** A reference drawn from a random id, for an invoice whose number does not fit or is taken. */
    public static String fromId(java.util.UUID id) {
        String body = new BigInteger(id.toString().replace("-", ""), 16).toString(36).toUpperCase(Locale.ROOT);
        return of(body.substring(0, Math.min(MAX_BODY, body.length())));
    }

    /** Whether the text (spaces allowed, any case) is a creditor reference whose check digits agree. */
    public static boolean isValid(String text) {
        return normalise(text).isPresent();
    }

    /** The reference in its electronic form (no spaces, upper case), when it is one and its check digits agree. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 4 + MAX_BODY || !compact.startsWith("RF")
                || !compact.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                || !Character.isDigit(compact.charAt(2)) || !Character.isDigit(compact.charAt(3))) {
            return Optional.empty();
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1 ? Optional.of(compact) : Optional.empty();
    }

    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
