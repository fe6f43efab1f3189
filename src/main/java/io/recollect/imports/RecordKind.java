package io.recollect.imports;

import io.recollect.customers.NewCustomer;

/** The three kinds of record a history file holds, and the type each is read into. */
enum RecordKind {
    CUSTOMER("customer", NewCustomer.class),
    INVOICE("invoice", ImportedInvoice.class),
    PAYMENT("payment", ImportedPayment.class);

    final String word;
    final Class<?> type;

    RecordKind(String word, Class<?> type) {
        this.word = word;
        this.type = type;
    }

    static RecordKind of(String word) {
        for (RecordKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        return null;
    }

    /** The record's own id: external ref, invoice number, payment id. */
    static String keyOf(Object value) {
        if (value instanceof NewCustomer c) {
            return c.externalRef();
        }
        if (value instanceof ImportedInvoice i) {
            return i.number();
        }
        return value instanceof ImportedPayment p ? p.externalId() : null;
    }
}
