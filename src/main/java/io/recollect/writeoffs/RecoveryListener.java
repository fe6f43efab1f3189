package io.recollect.writeoffs;

import io.recollect.invoicing.InvoiceRecovered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records a recovery once the payment that brought it has committed; redelivery records it once. */
@Component
class RecoveryListener {

    private final WriteOffService writeOffs;

    RecoveryListener(WriteOffService writeOffs) {
        this.writeOffs = writeOffs;
    }

    @ApplicationModuleListener
    void on(InvoiceRecovered recovered) {
        writeOffs.recordRecovery(recovered.customerId(), recovered.invoiceId(), recovered.paymentId(),
                recovered.amount());
    }
}
