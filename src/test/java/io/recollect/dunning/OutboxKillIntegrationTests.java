package io.recollect.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.recollect.support.PostgresDatabases;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender killed with SIGKILL mid-send, in a JVM of its own on PostgreSQL, then started
 * again: every email arrives, at most one of them twice (the one between the server's
 * acceptance and the commit), the twice-sent one with one Message-ID, and the new sender
 * resumes at once, waiting on no lock of the dead one.
 */
class OutboxKillIntegrationTests {

    private static final int QUEUED = 300;
    private static final int KILL_AFTER = 73;

    private String database;
    private GreenMail smtp;

    @BeforeEach
    void emptyDatabaseAndMailServer() {
        database = PostgresDatabases.emptyDatabase();
        Flyway.configure().dataSource(database, PostgresDatabases.username(), PostgresDatabases.password())
                .locations("classpath:db/migration").load().migrate();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void killedSenderLosesNothingAndSendsAtMostOneEmailTwice() throws Exception {
        queueEmails(QUEUED);

        Process first = startSender("first");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> smtp.getReceivedMessages().length >= KILL_AFTER);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int deliveredAtKill = smtp.getReceivedMessages().length;
        assertThat(deliveredAtKill).as("the kill came after the last email: nothing was killed mid-send")
                .isLessThan(QUEUED);

        long restartedAt = System.nanoTime();
        Process second = startSender("second");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> smtp.getReceivedMessages().length > deliveredAtKill);
        double resumeSeconds = (System.nanoTime() - restartedAt) / 1e9;
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();

        Map<String, List<String>> idsByRecipient = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(OutboxKillIntegrationTests::recipient,
                        Collectors.mapping(OutboxKillIntegrationTests::messageId, Collectors.toList())));
        int delivered = smtp.getReceivedMessages().length;
        int duplicates = delivered - idsByRecipient.size();
        int lost = QUEUED - idsByRecipient.size();
        System.out.printf("Outbox kill -9: queued %d, delivered %d (%d before the kill), duplicates %d, lost %d,"
                + " %.1f s from restart to the next email%n", QUEUED, delivered, deliveredAtKill, duplicates, lost,
                resumeSeconds);

        assertThat(lost).isZero();
        assertThat(duplicates).isLessThanOrEqualTo(1);
        assertThat(idsByRecipient.values()).allSatisfy(ids -> assertThat(Set.copyOf(ids)).hasSize(1));
        assertThat(count("select count(*) from communications where status <> 'SENT'")).isZero();
        assertThat(resumeSeconds).isLessThan(60);
    }

    private void queueEmails(int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, PostgresDatabases.username(),
                PostgresDatabases.password())) {
            connection.setAutoCommit(false);
            UUID customer = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement("insert into customers (id, external_ref, name,"
                    + " email, language, segment, risk_band, currency, created_at, version)"
                    + " values (?, 'KILL-TEST', 'Kill Test', 'kill@test.example', 'en', 'CONSUMER', 'A', 'EUR', ?, 0)")) {
                insert.setObject(1, customer);
                insert.setObject(2, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into communications (id, customer_id,"
                    + " channel, kind, dedupe_key, recipient, subject, body, status, attempts, created_at,"
                    + " next_attempt_at, version) values (?, ?, 'EMAIL', 'DUNNING', ?, ?, ?, '<p>Please pay.</p>',"
                    + " 'QUEUED', 0, ?, ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setObject(2, customer);
                    insert.setString(3, "kill-test:" + id);
                    insert.setString(4, "kill-" + i + "@test.example");
                    insert.setString(5, "Reminder " + i);
                    insert.setObject(6, now);
                    insert.setObject(7, now.minusSeconds(1));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private Process startSender(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "outbox-kill-" + name + ".log").toFile();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OutboxSenderMain.class.getName(), database, PostgresDatabases.username(), PostgresDatabases.password(),
                String.valueOf(smtp.getSmtp().getPort()))
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, PostgresDatabases.username(),
                PostgresDatabases.password()); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
