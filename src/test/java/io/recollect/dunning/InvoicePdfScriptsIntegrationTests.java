package io.recollect.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.customers.NewCustomer;
import io.recollect.customers.RiskBand;
import io.recollect.customers.Segment;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.NewInvoice;
import io.recollect.support.IntegrationTest;
import io.recollect.support.TestFixtures;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The invoice PDF prints names in Latin Extended, Greek and Cyrillic, in an embedded font. */
class InvoicePdfScriptsIntegrationTests extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;

    @Test
    void namesInOtherScriptsArePrintedAsWritten() throws Exception {
        String name = "Łukasz Żółć · Ζωή Παπαδοπούλου · Дмитрий Шостакович";
        String ref = TestFixtures.unique("CUST");
        CustomerView customer = customers.register(new NewCustomer(ref, name, ref.toLowerCase() + "@customer.example",
                "en", Segment.CONSUMER, RiskBand.B, "EUR"));
        InvoiceView invoice = invoices.issue(invoices.create(new NewInvoice(TestFixtures.unique("INV"), customer.id(),
                "EUR", time.today(), time.today().plusDays(30), List.of(new NewInvoice.Line(null,
                        "Ремонт · Επισκευή · naprawa", BigDecimal.ONE, new BigDecimal("150.00"), BigDecimal.ZERO)))).id());
        cases.settle();

        MimeMessage received = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(customer.email());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        byte[] pdf = CustomerMailIntegrationTests.bytes(((Multipart) received.getContent()).getBodyPart(1));

        assertThat(CustomerMailIntegrationTests.pdfText(pdf)).contains("Billed to: " + name)
                .contains("Ремонт · Επισκευή · naprawa").contains("EUR 150.00").contains("Invoice " + invoice.number());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var font : document.getPage(0).getResources().getFontNames()) {
                PDFont used = document.getPage(0).getResources().getFont(font);
                assertThat(used.getName()).contains("DejaVuSans");
                assertThat(used.isEmbedded()).isTrue();
            }
        }
    }
}
