package io.recollect.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.recollect.rules.RuleTableProperties;
import io.recollect.rules.RuleTableRefusedException;
import io.recollect.rules.RuleTableRefusedException.Reason;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What an upload must be before anything parses it as a workbook: an xlsx (a zip with a
 * workbook part, no macros), within the size limit, and unpacking to a bounded size. The zip
 * is streamed entry by entry, counting, so a bomb is refused after reading at most the limit,
 * never held in memory. Formulas in rule cells are refused too: Drools would read the cached
 * value, which the manager may not see and which goes stale the moment a referenced cell changes.
 */
public final class UploadGate {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String SAVE_AS = " Open it in Excel or LibreOffice and save it as \"Excel Workbook (.xlsx)\".";

    private final RuleTableProperties limits;

    public UploadGate(RuleTableProperties limits) {
        this.limits = limits;
    }

    public void inspect(byte[] upload) {
        if (upload.length == 0) {
            throw new RuleTableRefusedException(Reason.EMPTY, "The file is empty." + SAVE_AS);
        }
        if (upload.length > limits.maxUploadSize().toBytes()) {
            throw new RuleTableRefusedException(Reason.TOO_LARGE, "The file is " + upload.length
                    + " bytes; rule tables may be at most " + limits.maxUploadSize().toBytes()
                    + " bytes. Remove unused sheets, pictures or formatting and save it again.");
        }
        if (startsWith(upload, OLE2)) {
            throw new RuleTableRefusedException(Reason.NOT_XLSX,
                    "This is an old-style Excel file (.xls) or another OLE2 document, not an .xlsx workbook." + SAVE_AS);
        }
        if (!startsWith(upload, ZIP)) {
            throw new RuleTableRefusedException(Reason.NOT_XLSX, "This is not an .xlsx workbook"
                    + (looksLikeText(upload) ? " but text (a CSV file?)." : ".") + SAVE_AS);
        }
        Set<String> entries = unpackBounded(upload);
        if (!entries.contains("[Content_Types].xml") || !entries.contains("xl/workbook.xml")) {
            throw new RuleTableRefusedException(Reason.NOT_XLSX,
                    "This is a zip archive but not an Excel workbook (it has no xl/workbook.xml)." + SAVE_AS);
        }
        if (entries.stream().anyMatch(e -> e.toLowerCase().endsWith("vbaproject.bin"))) {
            throw new RuleTableRefusedException(Reason.MACROS, "The workbook contains macros (.xlsm); rule tables"
                    + " may not run code. Save it as \"Excel Workbook (.xlsx)\", without macros.");
        }
        refuseFormulas(upload);
    }

    /** The names of the zip's entries, after reading each to its end within the limits. */
    private Set<String> unpackBounded(byte[] upload) {
        Set<String> names = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(upload))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                long entrySize = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    entrySize += n;
                    total += n;
                    if (total > limits.maxUnpackedSize().toBytes()) {
                        throw bomb("unpacks to more than " + limits.maxUnpackedSize().toBytes() + " bytes");
                    }
                    // Any entry inflating far beyond the whole file is a bomb, whatever it claims.
                    if (entrySize > 1_000_000 && entrySize > (long) limits.maxInflateRatio() * upload.length) {
                        throw bomb("has a part (" + entry.getName() + ") that unpacks to more than "
                                + limits.maxInflateRatio() + " times the file's size");
                    }
                }
            }
        } catch (ZipException e) {
            throw new RuleTableRefusedException(Reason.NOT_XLSX, "The file is a damaged zip archive, not a readable"
                    + " .xlsx workbook (" + e.getMessage() + ")." + SAVE_AS);
        } catch (IllegalArgumentException e) {
            // Entry names that are not text: a file that only starts like a zip.
            throw new RuleTableRefusedException(Reason.NOT_XLSX, "The file starts like a zip archive but what follows"
                    + " is not one, so it is no .xlsx workbook." + SAVE_AS);
        } catch (IOException e) {
            throw new RuleTableRefusedException(Reason.NOT_XLSX, "The file ends before its zip archive does (cut off"
                    + " while copying or downloading?), so it cannot be read as an .xlsx workbook." + SAVE_AS);
        }
        if (names.isEmpty()) {
            throw new RuleTableRefusedException(Reason.NOT_XLSX, "The file is an empty zip archive, not a workbook." + SAVE_AS);
        }
        return names;
    }

    private static RuleTableRefusedException bomb(String what) {
        return new RuleTableRefusedException(Reason.ZIP_BOMB, "The workbook " + what
                + ", which no rule table needs; it was not opened. Save the table again from Excel or LibreOffice.");
    }

    private static void refuseFormulas(byte[] upload) {
        List<String> formulas = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(upload); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            RuleSheet.find(workbook).ifPresent(rules -> {
                Sheet sheet = rules.sheet();
                for (int r = rules.tableRow(); r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas.add(sheet.getSheetName() + "!" + RuleSheet.a1(r, cell.getColumnIndex())
                                    + " (=" + cell.getCellFormula() + ", showing \"" + rules.text(r, cell.getColumnIndex())
                                    + "\")");
                        }
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            // Not readable as a workbook: the checks that follow say so, by cell where they can.
            return;
        }
        if (!formulas.isEmpty()) {
            throw new RuleTableRefusedException(Reason.FORMULAS, "Rule cells must hold values, not formulas: "
                    + String.join(", ", formulas) + ". Replace each formula by its value (Copy, then Paste Special,"
                    + " Values only) and upload again; the cached result is not used, as it can be stale.");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8);
        return head.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || c >= 0x20);
    }
}
