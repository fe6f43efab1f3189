package io.recollect.dunning;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The zero-setup run's SMTP server, in process, so emails are really sent over SMTP. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "recollect.mail.embedded-server.enabled", havingValue = "true")
class EmbeddedMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(MailProperties properties) {
        return new GreenMail(new ServerSetup(properties.embeddedServer().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
