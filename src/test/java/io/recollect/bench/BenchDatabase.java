package io.recollect.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A benchmark's own PostgreSQL database (`bench.server`, `bench.user`, `bench.password`), dropped
 * and created before it runs, and a context pointed at it in which nothing decides, sends or runs
 * jobs, so only the step under measure does work.
 */
final class BenchDatabase {

    static final String SERVER = System.getProperty("bench.server", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("bench.user", "postgres");
    private static final String PASSWORD = System.getProperty("bench.password", "");

    private BenchDatabase() {
    }

    static void recreate(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            admin.createStatement().execute("drop database if exists " + database + " with (force)");
            admin.createStatement().execute("create database " + database);
        }
    }

    static void quiet(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> SERVER + database);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("recollect.run.scheduler-enabled", () -> "false");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        registry.add("recollect.mail.embedded-server.enabled", () -> "false");
        registry.add("recollect.demo.enabled", () -> "false");
    }
}
