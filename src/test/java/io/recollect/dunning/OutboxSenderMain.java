package io.recollect.dunning;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox sender alone in a JVM of its own, for {@link OutboxKillIntegrationTests} to kill:
 * sends what is due in batches until nothing is left. Arguments: JDBC URL, user, password, SMTP port.
 */
public final class OutboxSenderMain {

    private OutboxSenderMain() {
    }

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args[2]);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(Integer.parseInt(args[3]));
        Properties smtp = new Properties();
        smtp.put("mail.smtp.connectiontimeout", "5000");
        smtp.put("mail.smtp.timeout", "10000");
        mail.setJavaMailProperties(smtp);
        OutboxSender sender = new OutboxSender(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                new MailDelivery(mail, new MailProperties("Kill Test <billing@test.example>", null)),
                new OutboxProperties(List.of(Duration.ofMinutes(1)), Duration.ZERO, 20), Clock.systemUTC(),
                new SimpleMeterRegistry());
        System.out.println("sender started");
        while (sender.sendQueued(20).total() > 0) {
            System.out.println("batch sent");
        }
    }
}
