package io.recollect.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
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
                    message.getContent().toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
