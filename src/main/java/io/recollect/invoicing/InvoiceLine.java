package io.recollect.invoicing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.UUID;

/** One billed item. Its total includes tax and is rounded to the currency's minor unit. */
@Entity
@Table(name = "invoice_lines")
class InvoiceLine {

    @Id
    private UUID id;
    private int lineNo;
    private String serviceCode;
    private String description;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    private BigDecimal taxRate;
    private BigDecimal lineTotal;

    protected InvoiceLine() {
    }

    InvoiceLine(int lineNo, String serviceCode, String description, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal taxRate, Currency currency) {
        this.id = UUID.randomUUID();
        this.lineNo = lineNo;
        this.serviceCode = serviceCode;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
        this.lineTotal = quantity.multiply(unitPrice).multiply(BigDecimal.ONE.add(taxRate))
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    int getLineNo() {
        return lineNo;
    }

    String getServiceCode() {
        return serviceCode;
    }

    String getDescription() {
        return description;
    }

    BigDecimal getQuantity() {
        return quantity;
    }

    BigDecimal getUnitPrice() {
        return unitPrice;
    }

    BigDecimal getTaxRate() {
        return taxRate;
    }

    BigDecimal getLineTotal() {
        return lineTotal;
    }
}
