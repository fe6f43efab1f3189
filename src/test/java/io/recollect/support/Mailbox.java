package io.recollect.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What the test SMTP server received for one address, read from the MIME messages. */
public final class Mailbox {

    private Mailbox() {
    }

    public record Received(String to, String subject, String body) {
    }

    public static List<Received> of(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::read)
                .filter(received -> received.to().equalsIgnoreCase(address)).toList();
    }

    /** What the address received apart from invoices: reminders, final notices, agency letters. */
    public static List<Received> dunning(GreenMail server, String address) {
        return of(server, address).stream().filter(m -> !m.subject().startsWith("Invoice ")).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            return new Received(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    html(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part of a message: the whole content of a single-part one, else its text/html part. */
    public static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String html = html(parts.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
            return null;
        }
        return part.isMimeType("text/html") || part instanceof MimeMessage ? part.getContent().toString() : null;
    }
}
