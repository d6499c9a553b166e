package org.oreka.track.storage.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the newest schema: applies, in version order and each in its own transaction, the
 * migrations not yet recorded in {@code oreka_schema_history}, under a table lock so that two OrkTracks
 * starting together do not both apply one.
 */
final class SchemaMigrations {

    static final String HISTORY = "oreka_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /**
     * Applies the pending migrations.
     *
     * @return the schema version after migrating
     * @throws SQLException when a migration fails, two share a version, or an applied one was edited since; the
     *         database keeps the last version that applied fully
     */
    static int migrate(DataSource dataSource, List<Migration> migrations) throws SQLException {
        List<Migration> ordered = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).version() == ordered.get(i - 1).version()) {
                throw new SQLException("two schema migrations have version " + ordered.get(i).version() + " ("
                        + ordered.get(i - 1).description() + ", " + ordered.get(i).description() + ")");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            createHistory(connection);
            int current = 0;
            for (Migration migration : ordered) {
                try (Statement lock = connection.createStatement()) {
                    lock.execute("LOCK TABLE " + HISTORY + " IN EXCLUSIVE MODE");
                }
                Map<Integer, Long> applied = applied(connection);
                Long checksum = applied.get(migration.version());
                if (checksum != null) {
                    if (checksum != migration.checksum()) {
                        connection.rollback();
                        throw new SQLException("schema migration V" + migration.version() + " (" + migration.description()
                                + ") was edited after it was applied; fix the schema with a new migration instead");
                    }
                    connection.commit();
                    current = migration.version();
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY
                            + " (version, description, checksum, appliedAt) VALUES (?, ?, ?, ?)")) {
                        insert.setInt(1, migration.version());
                        insert.setString(2, migration.description());
                        insert.setLong(3, migration.checksum());
                        insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
                        insert.executeUpdate();
                    }
                    connection.commit();
                    LOG.info("Applied schema migration V{}: {}", migration.version(), migration.description());
                    current = migration.version();
                } catch (SQLException e) {
                    connection.rollback();
                    throw new SQLException("schema migration V" + migration.version() + " (" + migration.description()
                            + ") failed: " + e.getMessage(), e);
                }
            }
            return current;
        }
    }

    private static void createHistory(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(HISTORY)) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + HISTORY + " (version INTEGER PRIMARY KEY, description VARCHAR(255) NOT NULL,"
                    + " checksum BIGINT NOT NULL, appliedAt TIMESTAMP NOT NULL)");
            connection.commit();
        } catch (SQLException e) {
            // Another OrkTrack may have created it at the same moment.
            connection.rollback();
        }
    }

    private static Map<Integer, Long> applied(Connection connection) throws SQLException {
        Map<Integer, Long> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return applied;
    }
}
