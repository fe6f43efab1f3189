package io.recollect.reconciliation;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Reads camt.053 and camt.054 (version 08) through Prowide's ISO 20022 model. The document is
 * first checked to be XML of the expected namespace, since the library reads leniently.
 */
final class CamtStatements {

    private CamtStatements() {
    }

    static ParsedStatement parse(String xml) {
        String namespace = namespaceOf(xml);
        if (MxCamt05300108.NAMESPACE.equals(namespace)) {
            MxCamt05300108 mx = MxCamt05300108.parse(xml);
            if (mx == null || mx.getBkToCstmrStmt() == null) {
                throw wrongSchema(namespace);
            }
            List<ReportEntry10> entries = new ArrayList<>();
            List<String> currencies = new ArrayList<>();
            mx.getBkToCstmrStmt().getStmt().forEach(stmt -> {
                entries.addAll(stmt.getNtry());
                Optional.ofNullable(stmt.getAcct()).map(a -> a.getCcy()).ifPresent(currencies::add);
            });
            return lines(StatementFormat.CAMT053, entries, currencies);
        }
        if (MxCamt05400108.NAMESPACE.equals(namespace)) {
            MxCamt05400108 mx = MxCamt05400108.parse(xml);
            if (mx == null || mx.getBkToCstmrDbtCdtNtfctn() == null) {
                throw wrongSchema(namespace);
            }
            List<ReportEntry10> entries = new ArrayList<>();
            List<String> currencies = new ArrayList<>();
            mx.getBkToCstmrDbtCdtNtfctn().getNtfctn().forEach(n -> {
                entries.addAll(n.getNtry());
                Optional.ofNullable(n.getAcct()).map(a -> a.getCcy()).ifPresent(currencies::add);
            });
            return lines(StatementFormat.CAMT054, entries, currencies);
        }
        throw wrongSchema(namespace);
    }

    private static StatementRefused wrongSchema(String namespace) {
        return new StatementRefused("statement-wrong-schema", "The file is XML but not an ISO 20022 camt.053.001.08"
                + " or camt.054.001.08 document (its namespace is " + (namespace == null ? "missing" : namespace) + ")");
    }

    /** The root element's namespace; refuses what is not well-formed XML, and never resolves DTDs or entities. */
    private static String namespaceOf(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            // The parser's default handler prints to stderr; the uploader gets the message instead.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            return document.getDocumentElement().getNamespaceURI();
        } catch (Exception notXml) {
            throw new StatementRefused("statement-not-xml", "The file is not well-formed XML: " + notXml.getMessage());
        }
    }

    private static ParsedStatement lines(StatementFormat format, List<ReportEntry10> entries, List<String> currencies) {
        String currency = currencies.isEmpty() ? null : currencies.get(0);
        if (currencies.stream().distinct().count() > 1) {
            throw new StatementRefused("statement-mixed-currencies", "The file reports accounts in "
                    + String.join(" and ", currencies.stream().distinct().toList()) + "; upload one currency at a time");
        }
        List<StatementLine> lines = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ReportEntry10 entry = entries.get(i);
            int lineNo = i + 1;
            if (entry.getCdtDbtInd() == CreditDebitCode.DBIT) {
                continue;
            }
            Optional<EntryTransaction10> tx = entry.getNtryDtls().stream().flatMap(d -> d.getTxDtls().stream()).findFirst();
            String lineId = firstOf(entry.getNtryRef(), entry.getAcctSvcrRef(),
                    tx.map(t -> t.getRefs()).map(r -> firstOf(r.getAcctSvcrRef(), r.getEndToEndId())).orElse(null));
            if (lineId == null) {
                bad.add(new BadLine(lineNo, "Entry " + lineNo + " has no reference (NtryRef or AcctSvcrRef) to know it by"));
                continue;
            }
            if (entry.getAmt() == null || entry.getAmt().getValue() == null) {
                bad.add(new BadLine(lineNo, "Entry " + lineId + " has no amount"));
                continue;
            }
            java.time.LocalDate booked = entry.getBookgDt() == null ? null : Optional.ofNullable(entry.getBookgDt().getDt())
                    .orElse(entry.getBookgDt().getDtTm() == null ? null : entry.getBookgDt().getDtTm().toLocalDate());
            if (booked == null) {
                bad.add(new BadLine(lineNo, "Entry " + lineId + " has no booking date"));
                continue;
            }
            String reference = tx.map(t -> t.getRmtInf()).map(r -> Stream.concat(
                            r.getStrd().stream().map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef()),
                            r.getUstrd().stream()).filter(Objects::nonNull).reduce((a, b) -> a + " " + b).orElse(null))
                    .orElse(entry.getAddtlNtryInf());
            String payer = tx.map(t -> t.getRltdPties()).map(p -> p.getDbtr()).map(d -> d.getPty())
                    .map(p -> p.getNm()).orElse(null);
            String iban = tx.map(t -> t.getRltdPties()).map(p -> p.getDbtrAcct()).map(a -> a.getId())
                    .map(id -> id.getIBAN()).orElse(null);
            lines.add(new StatementLine(lineNo, lineId, booked, entry.getAmt().getValue(), entry.getAmt().getCcy(),
                    reference, payer, iban));
        }
        return new ParsedStatement(format, currency, lines, bad);
    }

    private static String firstOf(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).findFirst().orElse(null);
    }
}
