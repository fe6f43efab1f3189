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
import io.recollect.support.Mailbox;
import io.recollect.support.TestFixtures;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a customer receives, read from the message the SMTP server got: the invoice as a PDF with
 * service codes in plain words, the text alternative, payment instructions, and the customer's language.
 */
class CustomerMailIntegrationTests extends IntegrationTest {

    static final String IBAN = "IBAN: DE89 3704 0044 0532 0130 00";

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CommunicationService communications;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void invoiceEmailCarriesTheInvoiceAsPdfWithServiceCodesInPlainWords() throws Exception {
        CustomerView customer = customer("en");
        InvoiceView invoice = invoices.issue(invoices.create(new NewInvoice(TestFixtures.unique("INV"), customer.id(),
                "EUR", time.today(), time.today().plusDays(30), List.of(
                        line("G0438", "Wellness visit", "1", "150.00", "0"),
                        line("J3420", "Vitamin injection", "2", "12.50", "0.1"),
                        line("ZZ999", "Travel", "1", "5", "0")))).id());
        cases.settle();

        MimeMessage received = only(customer.email(), "Invoice " + invoice.number());
        // mixed [ alternative [ text/plain, text/html ], application/pdf ]
        assertThat(received.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart alternative = mixed.getBodyPart(0);
        assertThat(alternative.isMimeType("multipart/alternative")).isTrue();
        Multipart bodies = (Multipart) alternative.getContent();
        assertThat(bodies.getCount()).isEqualTo(2);
        assertThat(bodies.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(bodies.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = bodies.getBodyPart(0).getContent().toString();
        String html = bodies.getBodyPart(1).getContent().toString();
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invoice-" + invoice.number() + ".pdf");

        assertThat(text).contains("Dear Grace Hopper,").contains("Amount due: EUR 182.50").contains(IBAN)
                .contains("G0438: Annual wellness visit").doesNotContain("<");
        assertThat(html).contains("Amount due: EUR 182.50").contains("Payee: Recollect Billing Ltd");

        String pdf = pdfText(bytes(attachment));
        assertThat(pdf).contains("Invoice " + invoice.number())
                .contains("Service code G0438: Annual wellness visit, with a personalized prevention plan of service, first visit")
                .contains("Service code J3420: Injection, vitamin B-12 cyanocobalamin, up to 1,000 mcg")
                .contains("Service code ZZ999").doesNotContain("ZZ999:")
                .contains("EUR 150.00").contains("EUR 27.50").contains("EUR 5.00").contains("10 %")
                .contains("Amount due: EUR 182.50").contains(IBAN).contains("BIC: COBADEFFXXX")
                .contains("Billed to: Grace Hopper");

        // kept as sent: the account page shows, and a resend sends, exactly this
        UUID id = UUID.fromString(received.getMessageID().replaceAll("[<>]", "").replace("@recollect", ""));
        EmailAsSent kept = communications.emailAsSent(id).orElseThrow();
        assertThat(kept.subject()).isEqualTo(received.getSubject());
        assertThat(kept.html()).isEqualTo(html.replace("\r\n", "\n"));
        assertThat(kept.text()).isEqualTo(text.replace("\r\n", "\n"));
        assertThat(kept.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo(attachment.getFileName());
            assertThat(file.content()).isEqualTo(bytes(attachment));
        });
    }

    @Test
    void spanishSpeakingCustomersReminderIsInSpanish() throws Exception {
        CustomerView customer = customer("es-MX");
        InvoiceView invoice = fixtures.overdueInvoice(customer, "89.90", 5, time.today());

        cases.settle();

        MimeMessage invoiceMail = only(customer.email(), "Factura " + invoice.number());
        assertThat(pdfText(bytes(((Multipart) invoiceMail.getContent()).getBodyPart(1))))
                .contains("Factura " + invoice.number()).contains("Importe debido: EUR 89.90").contains("Cómo pagar");
        MimeMessage reminder = only(customer.email(),
                "Recordatorio: la factura " + invoice.number() + " está vencida (EUR 89.90 pendiente)");
        String html = Mailbox.html(reminder);
        assertThat(html).contains("lang=\"es-MX\"").contains("Estimado/a Grace Hopper:")
                .contains("según nuestros registros").contains("Importe debido: EUR 89.90").contains("Cómo pagar")
                .contains("Le rogamos que transfiera EUR 89.90 a:").contains(IBAN)
                .doesNotContain("Dear").doesNotContain("Amount due");
    }

    @Test
    void customerInALanguageWithoutLettersReadsEnglish() throws Exception {
        CustomerView customer = customer("de-AT");
        InvoiceView invoice = fixtures.overdueInvoice(customer, "50.00", 5, time.today());

        cases.settle();

        MimeMessage reminder = only(customer.email(),
                "Reminder: invoice " + invoice.number() + " is overdue (EUR 50.00 due)");
        assertThat(Mailbox.html(reminder)).contains("Dear Grace Hopper,").contains("Please transfer EUR 50.00 to:");
    }

    private CustomerView customer(String language) {
        String ref = TestFixtures.unique("CUST");
        return customers.register(new NewCustomer(ref, "Grace Hopper", ref.toLowerCase() + "@customer.example",
                language, Segment.CONSUMER, RiskBand.B, "EUR"));
    }

    private static NewInvoice.Line line(String code, String description, String quantity, String price, String tax) {
        return new NewInvoice.Line(code, description, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(tax));
    }

    private MimeMessage only(String address, String subject) throws Exception {
        List<MimeMessage> found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address)
                        && subject.equals(m.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(found).as("messages to %s titled %s", address, subject).hasSize(1);
        return found.get(0);
    }

    static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** The PDF's text, words joined by single spaces (a long description wraps inside its cell). */
    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
