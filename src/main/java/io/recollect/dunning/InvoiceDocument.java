package io.recollect.dunning;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * The invoice as a PDF, from the Thymeleaf template {@code templates/pdf/invoice.html} in the
 * customer's language. The HTML goes through jsoup's W3C DOM, so the template need not be strict
 * XHTML. The standard PDF fonts cover Latin-1 (Spanish included); other scripts need a font
 * registered here.
 */
@Component
class InvoiceDocument {

    static final String CONTENT_TYPE = "application/pdf";

    static {
        // openhtmltopdf logs every rendering step through java.util.logging; failures still throw
        XRLog.setLoggingEnabled(false);
    }

    private final MailRenderer renderer;

    InvoiceDocument(MailRenderer renderer) {
        this.renderer = renderer;
    }

    MailAttachment render(String invoiceNumber, String language, Map<String, Object> model) {
        String html = renderer.page("pdf", "invoice", language, model);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "classpath:/templates/pdf/");
            builder.toStream(pdf);
            builder.run();
            return new MailAttachment("invoice-" + invoiceNumber.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf",
                    CONTENT_TYPE, pdf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the PDF of invoice " + invoiceNumber, e);
        }
    }
}
