package io.recollect.dunning;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands emails to the SMTP server, many over one connection. The Message-ID derives from the
 * communication id, so a resend after a crash between SMTP acceptance and the database
 * recording it carries the same id, and mail clients fold the two.
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

    private final JavaMailSenderImpl mailSender;
    private final MailProperties properties;

    MailDelivery(JavaMailSenderImpl mailSender, MailProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    static String messageId(UUID communicationId) {
        return "<" + communicationId + "@recollect>";
    }

    /** A connection opened on the first email and closed with the batch. */
    Connection connection() {
        return new Connection();
    }

    /** One SMTP session for a batch of emails. */
    final class Connection implements AutoCloseable {

        private Transport transport;

        /** Returns the Message-ID once the server accepted the email. */
        String deliver(OutboxMail mail) throws ServerUnavailableException, MessageRejectedException {
            MimeMessage message = build(mail);
            connectIfNeeded();
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return message.getMessageID();
            } catch (SendFailedException rejected) {
                throw new MessageRejectedException(rejected);
            } catch (MessagingException e) {
                if (!transport.isConnected()) {
                    throw new ServerUnavailableException(e);
                }
                throw new MessageRejectedException(e);
            }
        }

        private void connectIfNeeded() throws ServerUnavailableException {
            if (transport != null && transport.isConnected()) {
                return;
            }
            try {
                Session session = mailSender.getSession();
                transport = session.getTransport(mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
                transport.connect(mailSender.getHost(), mailSender.getPort(), mailSender.getUsername(),
                        mailSender.getPassword());
            } catch (MessagingException e) {
                throw new ServerUnavailableException(e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // The emails were accepted or recorded as failed already; a failing QUIT changes neither.
                }
            }
        }
    }

    /** Read once: a file-type map is the class path's mime.types files, parsed. */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
        map.afterPropertiesSet();
        return map;
    }

    /**
     * MimeMessageHelper builds a new file-type map, scanning the class path, for every message
     * JavaMailSenderImpl did not create (ours carry a fixed Message-ID): three quarters of the
     * time it took to send an email.
     */
    private static final class Helper extends MimeMessageHelper {

        Helper(MimeMessage message, int multipartMode, String encoding) throws MessagingException {
            super(message, multipartMode, encoding);
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }
    }

    private MimeMessage build(OutboxMail mail) {
        MimeMessage message = new FixedIdMimeMessage(mailSender.getSession(), messageId(mail.id()));
        try {
            // mixed [ alternative [ text/plain, text/html ], attachments... ]; an email queued
            // without a text part goes out as the single HTML part it was rendered as
            boolean multipart = mail.text() != null || !mail.attachments().isEmpty();
            MimeMessageHelper helper = multipart
                    ? new Helper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name())
                    : new Helper(message, MimeMessageHelper.MULTIPART_MODE_NO, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            if (mail.text() != null) {
                helper.setText(mail.text(), mail.body());
            } else {
                helper.setText(mail.body(), true);
            }
            for (MailAttachment file : mail.attachments()) {
                helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
            }
            message.saveChanges();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build email " + mail.id(), e);
        }
        return message;
    }

    /**
     * MimeMessage.saveChanges, which every send calls, replaces any Message-ID header with a
     * fresh random one through updateMessageID; this one keeps the id it was given.
     */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** The server cannot be reached, or dropped the connection: nothing in this batch will go now. */
    static final class ServerUnavailableException extends Exception {
        static final String PREFIX = "SMTP server unavailable: ";

        ServerUnavailableException(MessagingException cause) {
            super(PREFIX + cause.getMessage(), cause);
        }
    }

    /** The server refused this one email; the next may still go. */
    static final class MessageRejectedException extends Exception {
        MessageRejectedException(MessagingException cause) {
            super("SMTP server refused the email: " + cause.getMessage(), cause);
        }
    }
}
