package io.recollect.dunning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail. {@code embeddedServer} starts an in-process SMTP server for the zero-setup run.
 *
 * @param from the sender every customer sees
 */
@ConfigurationProperties("recollect.mail")
record MailProperties(String from, EmbeddedServer embeddedServer) {

    record EmbeddedServer(boolean enabled, int port) {
    }
}
