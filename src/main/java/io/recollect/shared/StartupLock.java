package io.recollect.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node at a time starts on a PostgreSQL database: from before Flyway and Camunda's schema
 * creation to the end of the startup runners (identity, groups, job indexes), a session-level
 * advisory lock is held on a connection of its own. Nodes started together on an empty
 * database would otherwise each create the same tables and rows, and all but one fail on a
 * duplicate key. A node that dies while starting loses the lock with its connection. Being a
 * Flyway customizer and an engine plugin makes Spring create it before either runs. H2 is one
 * node's database: there it does nothing.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin implements FlywayConfigurationCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** Any fixed number; Flyway's own advisory lock uses another. */
    private static final long KEY = 0x5265636f6c6c6563L;

    private Connection holder;

    StartupLock(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                log.info("Another node is starting on this database; waiting for it to finish");
                try (Statement wait = connection.createStatement()) {
                    wait.execute("select pg_advisory_lock(" + KEY + ")");
                }
            }
            holder = connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        // Nothing to change: the lock is held from this bean's creation on.
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("select pg_advisory_unlock(" + KEY + ")");
            }
        } catch (SQLException e) {
            // Closing the connection ends the session, and with it the lock.
            log.warn("Startup lock released by closing its connection: {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
