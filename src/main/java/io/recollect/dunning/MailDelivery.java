package io.recollect.dunning;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one email to the SMTP server. The Message-ID derives from the communication id, so a
 * resend after a crash between SMTP acceptance and commit carries the same id for receivers to
 * fold duplicates.
 */
@Component
class MailDelivery {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /*
     * Jakarta Mail looks its StreamProvider up through ServiceLoader for every message part, a
     * scan of every jar on the classpath; named here, it is one class lookup. Only set when
     * nobody chose another.
     */
    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender mailSender;
    private final MailProperties properties;

    MailDelivery(JavaMailSender mailSender, MailProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    String deliver(Communication communication) {
        String messageId = "<" + communication.getId() + "@recollect>";
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(communication.getRecipient());
            helper.setSubject(communication.getSubject());
            helper.setText(communication.getBody(), true);
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build email " + communication.getId(), e);
        }
        mailSender.send(message);
        return messageId;
    }
}
