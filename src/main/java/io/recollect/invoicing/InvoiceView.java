package io.recollect.invoicing;

import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice as the API and other modules see it. */
public record InvoiceView(UUID id, String number, UUID customerId, InvoiceStatus status, LocalDate issueDate,
        LocalDate dueDate, Money total, Money openAmount, String paymentReference, List<LineView> lines) {

    public record LineView(int lineNo, String serviceCode, String description, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal taxRate, BigDecimal lineTotal) {
    }

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.getId(), invoice.getNumber(), invoice.getCustomerId(), invoice.getStatus(),
                invoice.getIssueDate(), invoice.getDueDate(), invoice.getTotal(), invoice.getOpenAmount(),
                invoice.getPaymentReference(),
                invoice.getLines().stream().map(l -> new LineView(l.getLineNo(), l.getServiceCode(),
                        l.getDescription(), l.getQuantity(), l.getUnitPrice(), l.getTaxRate(), l.getLineTotal()))
                        .toList());
    }
}
