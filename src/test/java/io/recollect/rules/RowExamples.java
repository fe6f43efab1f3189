package io.recollect.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/**
 * Each rule row of a shipped table has a test named after its label (row H3: {@code h3_...}), so a
 * row added to the sheet without an example fails its rules test.
 */
final class RowExamples {

    private RowExamples() {
    }

    /** The labels in the first column of the rule rows, top to bottom (e.g. R1, R2, ...). */
    static List<String> labels(byte[] xlsx) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> labels = new ArrayList<>();
            boolean rules = false;
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                String text = first == null || first.getCellType() != CellType.STRING ? "" : first.getStringCellValue();
                if (rules && text.matches("[A-Z]+\\d+")) {
                    labels.add(text);
                }
                rules |= text.equals("Row");
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Labels of the sheet with no test method of the class named {@code <label in lower case>_...}. */
    static List<String> missing(byte[] xlsx, Class<?> tests) {
        List<String> names = Arrays.stream(tests.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class))
                .map(Method::getName).toList();
        return labels(xlsx).stream().filter(label -> names.stream()
                .noneMatch(name -> name.startsWith(label.toLowerCase(Locale.ROOT) + "_"))).toList();
    }
}
