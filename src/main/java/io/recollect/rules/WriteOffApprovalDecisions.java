package io.recollect.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * Routes a write-off request with the shipped {@code write-off-approval} table. The route and
 * its citation are kept on the write-off itself, so each approval can be explained later.
 */
@Service
public class WriteOffApprovalDecisions {

    private final WriteOffApprovalTable table;

    WriteOffApprovalDecisions(
            @Value("${recollect.rules.write-off-approval:classpath:rules/write-off-approval.xlsx}") Resource sheet) {
        this.table = WriteOffApprovalTable.compile(read(sheet));
    }

    /** @throws NoMatchingRuleException when no row covers the request */
    public WriteOffRoute decide(WriteOffProposal proposal) {
        return table.decide(proposal);
    }

    private static byte[] read(Resource sheet) {
        try {
            return sheet.getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read decision table " + WriteOffApprovalTable.NAME + " from " + sheet, e);
        }
    }
}
