package io.recollect.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.recollect.support.PostgresDatabases;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A collection run whose nodes are killed with SIGKILL, each a whole Recollect in a JVM of its
 * own on one PostgreSQL database: the first while it decides the run's batches, the second
 * while the run's letters go out; a third finishes the run. Every account is decided once, every
 * letter arrives, and at most one letter per kill arrives twice, with one Message-ID.
 * PostgreSQL only (CI's second pass).
 */
class CollectionRunKillIntegrationTests {

    private static final int ACCOUNTS = 400;

    private final List<Process> nodes = new ArrayList<>();
    private String database;
    private GreenMail smtp;

    @BeforeEach
    void emptyDatabaseAndMailServer() {
        database = PostgresDatabases.emptyDatabase();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopEverything() {
        nodes.forEach(Process::destroyForcibly);
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void nodesKilledMidDecisionAndMidSendingLoseNothingAndDecideEachAccountOnce() throws Exception {
        Process first = startNode("first", "seed", String.valueOf(ACCOUNTS));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(5))
                .until(() -> count("select count(*) from decision_records") >= ACCOUNTS / 4);
        kill(first);
        long decidedAtFirstKill = count("select count(*) from decision_records");
        assertThat(decidedAtFirstKill).as("the first kill came after the last decision").isLessThan(ACCOUNTS);

        Process second = startNode("second", "join");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(5))
                .until(() -> dunningReceived() >= ACCOUNTS * 3 / 5);
        kill(second);
        int receivedAtSecondKill = dunningReceived();
        long decidedAtSecondKill = count("select count(*) from decision_records");
        assertThat(receivedAtSecondKill).as("the second kill came after the last letter").isLessThan(ACCOUNTS);

        startNode("third", "join");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from collection_runs where status = 'FINISHED'") == 1
                        && count("select count(*) from communications where status <> 'SENT'") == 0
                        && dunningReceived() >= ACCOUNTS);

        List<String> decidedCustomers = strings("select customer_id from decision_records");
        Map<String, List<String>> idsByRecipient = dunning().stream().collect(Collectors.groupingBy(
                CollectionRunKillIntegrationTests::recipient,
                Collectors.mapping(CollectionRunKillIntegrationTests::messageId, Collectors.toList())));
        int received = dunning().size();
        int duplicates = received - idsByRecipient.size();
        int lost = ACCOUNTS - idsByRecipient.size();
        System.out.printf("Collection run kill -9: %d accounts; first node killed at %d decided, second at %d"
                + " decided and %d letters received; in the end %d decisions (%d distinct accounts), %d letters"
                + " received, %d duplicates, %d lost%n", ACCOUNTS, decidedAtFirstKill, decidedAtSecondKill,
                receivedAtSecondKill, decidedCustomers.size(), Set.copyOf(decidedCustomers).size(), received,
                duplicates, lost);

        assertThat(decidedCustomers).hasSize(ACCOUNTS).doesNotHaveDuplicates();
        assertThat(lost).isZero();
        assertThat(duplicates).isLessThanOrEqualTo(2);
        assertThat(idsByRecipient.values()).allSatisfy(ids -> assertThat(Set.copyOf(ids)).hasSize(1));
        assertThat(count("select count(*) from case_work where status <> 'DONE'")).isZero();
        // a healthy cluster that loses a node logs no ERROR for it: retries and lock expiry are normal
        assertThat(errorLines()).isEmpty();
    }

    private List<String> errorLines() throws IOException {
        List<String> errors = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            try (var lines = java.nio.file.Files.lines(logOf(name))) {
                lines.filter(line -> line.contains(" ERROR ")).forEach(errors::add);
            }
        }
        return errors;
    }

    private static Path logOf(String name) {
        return Path.of("target", "collection-run-kill-" + name + ".log");
    }

    private Process startNode(String name, String... mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = logOf(name).toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CollectionNodeMain.class.getName(), database, PostgresDatabases.username(),
                PostgresDatabases.password(), String.valueOf(smtp.getSmtp().getPort())));
        command.addAll(List.of(mode));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        nodes.add(node);
        return node;
    }

    private static void kill(Process node) throws InterruptedException {
        node.destroyForcibly();
        assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private List<MimeMessage> dunning() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> !subject(m).startsWith("Invoice ")).toList();
    }

    private int dunningReceived() {
        return dunning().size();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = connect(); ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException notYet) {
            // the first node has not created the schema yet
            return 0;
        }
    }

    private List<String> strings(String sql) throws Exception {
        try (Connection connection = connect(); ResultSet result = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(database, PostgresDatabases.username(), PostgresDatabases.password());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
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
