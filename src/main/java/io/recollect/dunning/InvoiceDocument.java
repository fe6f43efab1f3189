package io.recollect.dunning;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * The invoice as a PDF, from the Thymeleaf template {@code templates/pdf/invoice.html} in the
 * customer's language. The HTML goes through jsoup's W3C DOM, so the template need not be strict
 * XHTML. The text is set in DejaVu Sans, embedded (subset) in each PDF: the standard PDF fonts
 * cover only Latin-1, and customers are named in Latin Extended, Greek and Cyrillic too. The
 * fonts and their licence ship under {@code fonts/dejavu/}.
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
            font(builder, "DejaVuSans.ttf", 400);
            font(builder, "DejaVuSans-Bold.ttf", 700);
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "classpath:/templates/pdf/");
            builder.toStream(pdf);
            builder.run();
            return new MailAttachment("invoice-" + invoiceNumber.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf",
                    CONTENT_TYPE, pdf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the PDF of invoice " + invoiceNumber, e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, int weight) {
        builder.useFont(() -> {
            InputStream in = InvoiceDocument.class.getResourceAsStream("/fonts/dejavu/" + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("The font " + file + " is missing from the build"));
            }
            return in;
        }, "DejaVu Sans", weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }
}
