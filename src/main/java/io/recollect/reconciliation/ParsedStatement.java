package io.recollect.reconciliation;

import java.util.List;

/** What a statement file holds: the credits to match and the lines that could not be read. */
record ParsedStatement(StatementFormat format, String currency, List<StatementLine> lines, List<BadLine> badLines) {
}
