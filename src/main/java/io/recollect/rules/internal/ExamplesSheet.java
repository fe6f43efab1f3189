package io.recollect.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.recollect.rules.NoMatchingRuleException;
import io.recollect.rules.RuleTableProblem;
import io.recollect.rules.TableExamples;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import java.beans.PropertyDescriptor;

/**
 * A workbook's {@code Examples} sheet: the policy's own worked examples, which every version must
 * keep. Its first row names the inputs by the fact's properties (spaces and case do not matter:
 * "Days past due" is {@code daysPastDue}) and two expectations, {@code Expected rule} (the
 * sheet's label, R12) and {@code Expected action}; each row below is one example, until the
 * first blank row. An input left blank keeps the fact's default; yes/no and true/false are both read.
 */
public final class ExamplesSheet {

    public static final String NAME = "Examples";
    private static final String EXPECTED_RULE = "expectedrule";
    private static final String EXPECTED_ACTION = "expectedaction";
    private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

    private ExamplesSheet() {
    }

    /** The problems with the workbook's examples on the compiled table; empty without an Examples sheet. */
    public static <T> List<RuleTableProblem> check(byte[] xlsx, T compiled, TableExamples<T> examples) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(NAME);
            if (sheet == null) {
                return List.of();
            }
            if (examples == null) {
                return List.of(new RuleTableProblem(NAME, "A1", "this table reads no examples; remove the "
                        + NAME + " sheet"));
            }
            return check(sheet, compiled, examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<RuleTableProblem> check(Sheet sheet, T compiled, TableExamples<T> examples) {
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null) {
            return List.of(problem(0, 0, "the sheet is empty; its first row names the inputs, "
                    + "then \"Expected rule\" and \"Expected action\""));
        }
        Map<String, String> properties = properties(examples.fact().get());
        Map<Integer, String> columns = new TreeMap<>();
        List<RuleTableProblem> problems = new ArrayList<>();
        for (Cell cell : header) {
            String name = text(cell);
            if (name.isBlank()) {
                continue;
            }
            String key = normalise(name);
            if (key.equals(EXPECTED_RULE) || key.equals(EXPECTED_ACTION)) {
                columns.put(cell.getColumnIndex(), key);
            } else if (properties.containsKey(key)) {
                columns.put(cell.getColumnIndex(), properties.get(key));
            } else {
                problems.add(problem(header.getRowNum(), cell.getColumnIndex(), "\"" + name + "\" is not an input of"
                        + " this table; use one of " + properties.values().stream().sorted().toList()
                        + ", \"Expected rule\" or \"Expected action\""));
            }
        }
        if (!columns.containsValue(EXPECTED_RULE) && !columns.containsValue(EXPECTED_ACTION)) {
            problems.add(problem(header.getRowNum(), 0, "no \"Expected rule\" or \"Expected action\" column, so no"
                    + " example says what it expects"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || columns.keySet().stream().allMatch(c -> text(row.getCell(c)).isBlank())) {
                break;
            }
            problems.addAll(example(row, columns, compiled, examples));
        }
        return problems;
    }

    private static <T> List<RuleTableProblem> example(Row row, Map<Integer, String> columns, T compiled,
            TableExamples<T> examples) {
        Object fact = examples.fact().get();
        BeanWrapper bean = new BeanWrapperImpl(fact);
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        for (Map.Entry<Integer, String> column : columns.entrySet()) {
            String value = text(row.getCell(column.getKey())).strip();
            if (column.getValue().equals(EXPECTED_RULE) || column.getValue().equals(EXPECTED_ACTION)) {
                if (!value.isEmpty()) {
                    expected.put(column.getValue(), column.getKey());
                }
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            try {
                bean.setPropertyValue(column.getValue(), value);
                inputs.add(column.getValue() + " " + value);
            } catch (RuntimeException notAValue) {
                return List.of(problem(row.getRowNum(), column.getKey(), "\"" + value + "\" is not a value for "
                        + column.getValue() + " (" + bean.getPropertyType(column.getValue()).getSimpleName() + ")"));
            }
        }
        TableExamples.Answer answer;
        try {
            answer = examples.decide().apply(compiled, fact);
        } catch (NoMatchingRuleException gap) {
            int cell = expected.values().stream().findFirst().orElse(0);
            return List.of(problem(row.getRowNum(), cell, "no row covers this example (" + String.join(", ", inputs)
                    + "); the table must decide it as the example says"));
        }
        List<RuleTableProblem> problems = new ArrayList<>();
        expected.forEach((what, column) -> {
            String want = text(row.getCell(column)).strip();
            String got = what.equals(EXPECTED_RULE) ? answer.rule() : answer.action();
            if (!want.equalsIgnoreCase(got)) {
                problems.add(problem(row.getRowNum(), column, "the example (" + String.join(", ", inputs) + ") expects "
                        + (what.equals(EXPECTED_RULE) ? "rule " : "action ") + want + ", but the table answers "
                        + answer.action() + " by " + answer.cited()));
            }
        });
        return problems;
    }

    /** The fact's writable properties, by their normalised name. */
    private static Map<String, String> properties(Object fact) {
        Map<String, String> names = new LinkedHashMap<>();
        Arrays.stream(new BeanWrapperImpl(fact).getPropertyDescriptors()).filter(p -> p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName).forEach(name -> names.put(normalise(name), name));
        return names;
    }

    private static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        return TEXT.formatCellValue(cell);
    }

    private static RuleTableProblem problem(int row, int column, String message) {
        return new RuleTableProblem(NAME, RuleSheet.a1(row, column), message);
    }
}
