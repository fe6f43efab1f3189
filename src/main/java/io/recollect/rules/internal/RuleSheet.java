package io.recollect.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * The layout Drools reads, as cells: the {@code RuleTable} cell, then the CONDITION/ACTION row,
 * the fact row, the snippet row, the header row, and rule rows until the first blank one.
 * Row and column indexes are 0-based as POI counts; {@link #a1} gives what a manager sees.
 */
public final class RuleSheet {

    private static final DataFormatter TEXT = new DataFormatter();

    private final String sheetName;
    private final Sheet sheet;
    private final int tableRow;
    private final int firstColumn;
    private final int lastColumn;

    private RuleSheet(Sheet sheet, int tableRow, int firstColumn) {
        this.sheetName = sheet.getSheetName();
        this.sheet = sheet;
        this.tableRow = tableRow;
        this.firstColumn = firstColumn;
        Row kinds = sheet.getRow(tableRow + 1);
        int last = firstColumn;
        if (kinds != null) {
            for (int c = firstColumn; c < kinds.getLastCellNum(); c++) {
                if (!text(tableRow + 1, c).isBlank()) {
                    last = c;
                }
            }
        }
        this.lastColumn = last;
    }

    /** The first sheet holding a {@code RuleTable} cell, if any. */
    public static Optional<RuleSheet> read(byte[] xlsx) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            return find(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<RuleSheet> find(Workbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().strip().startsWith("RuleTable")) {
                        return Optional.of(new RuleSheet(sheet, row.getRowNum(), cell.getColumnIndex()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public String sheetName() {
        return sheetName;
    }

    public Sheet sheet() {
        return sheet;
    }

    public int tableRow() {
        return tableRow;
    }

    public int firstColumn() {
        return firstColumn;
    }

    public int lastColumn() {
        return lastColumn;
    }

    public int kindRow() {
        return tableRow + 1;
    }

    public int snippetRow() {
        return tableRow + 3;
    }

    public int headerRow() {
        return tableRow + 4;
    }

    /** CONDITION, ACTION, ACTIVATION-GROUP ... of a column. */
    public String kind(int column) {
        return text(kindRow(), column).strip().toUpperCase();
    }

    public String snippet(int column) {
        return text(snippetRow(), column).strip();
    }

    public String header(int column) {
        return text(headerRow(), column).strip();
    }

    /** Rule rows as Drools reads them: from below the header row to the first row blank in every rule column. */
    public List<Integer> ruleRows() {
        List<Integer> rows = new ArrayList<>();
        for (int r = headerRow() + 1; r <= sheet.getLastRowNum(); r++) {
            boolean blank = true;
            for (int c = firstColumn; c <= lastColumn && blank; c++) {
                blank = text(r, c).isBlank();
            }
            if (blank) {
                break;
            }
            rows.add(r);
        }
        return rows;
    }

    public Cell cell(int row, int column) {
        Row r = sheet.getRow(row);
        return r == null || column < 0 ? null : r.getCell(column);
    }

    /** What the cell shows; formulas as their cached value. Empty for no cell. */
    public String text(int row, int column) {
        Cell cell = cell(row, column);
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (cell.getCachedFormulaResultType()) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> TEXT.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                default -> "";
            };
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return TEXT.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
        }
        return TEXT.formatCellValue(cell);
    }

    /** "V25", as Excel names the cell. */
    public static String a1(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }
}
