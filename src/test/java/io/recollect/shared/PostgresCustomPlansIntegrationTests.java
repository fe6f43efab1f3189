package io.recollect.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recollect.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A statement prepared while its table is nearly empty is planned again once the table has grown,
 * on a server that never analyzes it (autovacuum off, as on this project's CI PostgreSQL): the
 * morning run's job table, outbox and case tables grow like this within minutes.
 */
class PostgresCustomPlansIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aStatementPreparedOnAnEmptyTableUsesItsIndexOnceTheTableHasGrown() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("create temporary table plan_probe (id integer primary key, payload text) on commit drop");
                sql.execute("analyze plan_probe");
                try (PreparedStatement byId = connection.prepareStatement("select payload from plan_probe where id = ?")) {
                    // pgjdbc prepares on the server from the fifth run; PostgreSQL may keep a generic plan after that.
                    for (int i = 0; i < 10; i++) {
                        byId.setInt(1, i);
                        byId.executeQuery().close();
                    }
                    sql.execute("insert into plan_probe select n, repeat('x', 200) from generate_series(1, 50000) n");
                    long before = rowsReadBySequentialScans(sql);
                    byId.setInt(1, 42);
                    byId.executeQuery().close();
                    assertThat(rowsReadBySequentialScans(sql)).as("rows the grown table gave sequential scans").isEqualTo(before);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static long rowsReadBySequentialScans(Statement sql) throws Exception {
        try (ResultSet count = sql.executeQuery("select"
                + " pg_stat_get_xact_tuples_returned('plan_probe'::regclass)")) {
            count.next();
            return count.getLong(1);
        }
    }
}
