package io.recollect.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the suite runs against (SPRING_DATASOURCE_URL), for tests that only mean
 * something there: several nodes, or a process killed mid-work. On H2 they are skipped.
 */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    public static String url() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
                "needs PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://...): two processes cannot share"
                        + " the suite's in-memory H2, and H2 is never run by several nodes");
        return url;
    }

    public static String username() {
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        return user == null ? "postgres" : user;
    }

    public static String password() {
        String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
        return password == null ? "" : password;
    }

    /**
     * A second database on the same server, emptied: RECOLLECT_TEST_EMPTY_DATABASE_URL, or the
     * suite's database name with {@code _empty} appended, created when missing.
     */
    public static String emptyDatabase() {
        String url = url();
        String empty = System.getenv("RECOLLECT_TEST_EMPTY_DATABASE_URL");
        if (empty == null) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String name = base.substring(base.lastIndexOf('/') + 1) + "_empty";
            empty = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
            createIfMissing(url, name);
        }
        execute(empty, "drop schema if exists public cascade", "create schema public");
        return empty;
    }

    private static void createIfMissing(String url, String name) {
        try (Connection connection = DriverManager.getConnection(url, username(), password());
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
    }

    public static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, username(), password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
