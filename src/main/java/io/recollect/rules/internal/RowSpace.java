package io.recollect.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's rows as boxes in the space of its inputs, for checks that are exhaustive rather than
 * sampled. Every condition compares one input with a constant, or asks whether it is one of a
 * few words, so each input splits into finitely many classes of values that no row tells apart:
 * around every number the sheet names (one step below, at and above it, a step being 1 for whole
 * numbers and 0.01 for amounts) and each word, plus "any other word". A row is a box of such
 * classes; which situations no row covers, and whether the rows above a row leave it anything,
 * are then set differences of boxes, computed exactly.
 */
public final class RowSpace {

    /** The class of words a row never names: an unknown segment, say. */
    public static final String OTHER_WORD = "(any other)";
    /** Boxes kept while subtracting; past this the space is too fragmented to answer, and no answer is given. */
    private static final int MAX_BOXES = 20_000;
    private static final Pattern COMPARE = Pattern.compile("^(\\w+)\\s*(>=|<=|>|<)\\s*\\$param(B?)$");
    private static final Pattern YES_NO = Pattern.compile("^(\\w+)\\s*==\\s*YesNo\\.\\$param$");
    private static final Pattern WORDS = Pattern.compile("^(\\w+)\\s+in\\s*\\(forall\\(,\\)\\{(\\w+)\\.\\$\\}\\)$");

    /** One input: its classes' representative values, in order. */
    private record Input(String name, List<Object> values) {
    }

    private record Condition(int input, String op, String field) {
    }

    private final RuleSheet sheet;
    private final List<Input> inputs = new ArrayList<>();
    private final Map<Integer, Condition> conditions = new LinkedHashMap<>();
    private final Map<Integer, BitSet[]> boxes = new LinkedHashMap<>();

    private RowSpace(RuleSheet sheet) {
        this.sheet = sheet;
    }

    /**
     * The rows of the sheet as boxes; empty when a condition is not of the simple kinds above (the
     * checks then fall back to what they can say without it).
     */
    public static Optional<RowSpace> of(RuleSheet sheet, Map<String, Set<String>> words) {
        RowSpace space = new RowSpace(sheet);
        Map<String, Integer> byName = new LinkedHashMap<>();
        Map<String, TreeSet<BigDecimal>> thresholds = new LinkedHashMap<>();
        Map<String, BigDecimal> steps = new LinkedHashMap<>();
        Map<String, List<Object>> wordValues = new LinkedHashMap<>();
        for (int c = sheet.firstColumn(); c <= sheet.lastColumn(); c++) {
            if (!sheet.kind(c).equals("CONDITION")) {
                continue;
            }
            String snippet = sheet.snippet(c).strip();
            Matcher compare = COMPARE.matcher(snippet);
            Matcher yesNo = YES_NO.matcher(snippet);
            Matcher in = WORDS.matcher(snippet);
            String name;
            if (compare.matches()) {
                name = compare.group(1);
                steps.put(name, compare.group(3).isEmpty() ? BigDecimal.ONE : new BigDecimal("0.01"));
                TreeSet<BigDecimal> at = thresholds.computeIfAbsent(name, n -> new TreeSet<>());
                for (int row : sheet.ruleRows()) {
                    BigDecimal value = number(sheet.text(row, c));
                    if (value != null) {
                        at.add(value);
                    } else if (!sheet.text(row, c).isBlank()) {
                        return Optional.empty();
                    }
                }
                space.conditions.put(c, new Condition(-1, compare.group(2), name));
            } else if (yesNo.matches()) {
                name = yesNo.group(1);
                wordValues.put(name, List.of("yes", "no"));
                space.conditions.put(c, new Condition(-1, "word", name));
            } else if (in.matches() && words.containsKey(in.group(2))) {
                name = in.group(1);
                List<Object> values = new ArrayList<>(new TreeSet<>(words.get(in.group(2))));
                values.add(OTHER_WORD);
                wordValues.put(name, values);
                space.conditions.put(c, new Condition(-1, "word", name));
            } else {
                return Optional.empty();
            }
            byName.putIfAbsent(name, byName.size());
        }
        byName.forEach((name, index) -> space.inputs.add(new Input(name, wordValues.containsKey(name)
                ? wordValues.get(name) : numbers(thresholds.get(name), steps.get(name)))));
        space.conditions.replaceAll((c, cond) -> new Condition(byName.get(cond.field()), cond.op(), cond.field()));
        for (int row : sheet.ruleRows()) {
            space.boxes.put(row, space.box(row));
        }
        return Optional.of(space);
    }

    /** Zero, and one step below, at and above each number the sheet names: every class of a whole number or amount. */
    private static List<Object> numbers(TreeSet<BigDecimal> thresholds, BigDecimal step) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        values.add(BigDecimal.ZERO);
        for (BigDecimal t : thresholds) {
            for (BigDecimal v : new BigDecimal[] {t.subtract(step), t, t.add(step)}) {
                if (v.signum() >= 0) {
                    values.add(v);
                }
            }
        }
        return new ArrayList<>(values);
    }

    private BitSet[] box(int row) {
        BitSet[] box = everything();
        conditions.forEach((column, condition) -> {
            String cell = sheet.text(row, column).strip();
            if (cell.isEmpty()) {
                return;
            }
            List<Object> values = inputs.get(condition.input()).values();
            BitSet allowed = new BitSet();
            Set<String> named = new TreeSet<>();
            for (String item : cell.split(",")) {
                named.add(item.strip());
            }
            for (int v = 0; v < values.size(); v++) {
                Object value = values.get(v);
                boolean fits = switch (condition.op()) {
                    case "word" -> named.contains(value);
                    default -> compare((BigDecimal) value, condition.op(), number(cell));
                };
                allowed.set(v, fits);
            }
            box[condition.input()].and(allowed);
        });
        return box;
    }

    private static boolean compare(BigDecimal value, String op, BigDecimal constant) {
        int cmp = value.compareTo(constant);
        return switch (op) {
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            default -> cmp < 0;
        };
    }

    private BitSet[] everything() {
        BitSet[] box = new BitSet[inputs.size()];
        for (int i = 0; i < box.length; i++) {
            box[i] = new BitSet();
            box[i].set(0, inputs.get(i).values().size());
        }
        return box;
    }

    /**
     * The rows above {@code row} that together leave it no situation, or empty when it can fire
     * (or the answer is out of reach). A row whose own conditions contradict each other is not asked.
     */
    public Optional<List<Integer>> coveredBy(int row) {
        BitSet[] own = boxes.get(row);
        if (isEmpty(own)) {
            return Optional.empty();
        }
        List<BitSet[]> left = java.util.Collections.singletonList(own);
        List<Integer> above = new ArrayList<>();
        for (Map.Entry<Integer, BitSet[]> earlier : boxes.entrySet()) {
            if (earlier.getKey() == row) {
                break;
            }
            if (!intersects(own, earlier.getValue())) {
                continue;
            }
            above.add(earlier.getKey());
            left = subtract(left, earlier.getValue());
            if (left == null) {
                return Optional.empty();
            }
            if (left.isEmpty()) {
                return Optional.of(above);
            }
        }
        return Optional.empty();
    }

    /**
     * One example of each class of situations no row covers, within the inputs' values the
     * {@code domain} keeps (by input name; an input not named keeps every value); null when the
     * answer is out of reach.
     */
    public List<Map<String, Object>> gaps(Map<String, Predicate<Object>> domain) {
        BitSet[] all = everything();
        for (int i = 0; i < inputs.size(); i++) {
            Predicate<Object> keep = domain.get(inputs.get(i).name());
            for (int v = 0; keep != null && v < inputs.get(i).values().size(); v++) {
                all[i].set(v, keep.test(inputs.get(i).values().get(v)));
            }
        }
        List<BitSet[]> left = isEmpty(all) ? List.of() : java.util.Collections.singletonList(all);
        for (BitSet[] box : boxes.values()) {
            left = subtract(left, box);
            if (left == null) {
                return null;
            }
        }
        List<Map<String, Object>> examples = new ArrayList<>();
        for (BitSet[] box : left) {
            Map<String, Object> example = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                example.put(inputs.get(i).name(), inputs.get(i).values().get(box[i].nextSetBit(0)));
            }
            examples.add(example);
        }
        return examples;
    }

    /** {@code boxes} minus {@code cut}, as disjoint boxes; null past {@link #MAX_BOXES}. */
    private static List<BitSet[]> subtract(List<BitSet[]> boxes, BitSet[] cut) {
        List<BitSet[]> left = new ArrayList<>();
        for (BitSet[] box : boxes) {
            if (!intersects(box, cut)) {
                left.add(box);
                continue;
            }
            BitSet[] rest = copy(box);
            for (int i = 0; i < rest.length; i++) {
                BitSet outside = (BitSet) rest[i].clone();
                outside.andNot(cut[i]);
                if (!outside.isEmpty()) {
                    BitSet[] piece = copy(rest);
                    piece[i] = outside;
                    left.add(piece);
                }
                rest[i].and(cut[i]);
            }
            if (left.size() > MAX_BOXES) {
                return null;
            }
        }
        return left;
    }

    private static boolean intersects(BitSet[] a, BitSet[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!a[i].intersects(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(BitSet[] box) {
        for (BitSet values : box) {
            if (values.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static BitSet[] copy(BitSet[] box) {
        BitSet[] copy = new BitSet[box.length];
        for (int i = 0; i < box.length; i++) {
            copy[i] = (BitSet) box[i].clone();
        }
        return copy;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
