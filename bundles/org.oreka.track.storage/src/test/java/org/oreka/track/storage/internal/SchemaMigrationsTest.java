package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private EmbeddedDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    @Test
    void theShippedMigrationsApplyToAnEmptyDerbyDatabase() throws Exception {
        List<Migration> shipped = shipped();
        int version = SchemaMigrations.migrate(dataSource, shipped);
        assertEquals(shipped.stream().mapToInt(Migration::version).max().orElseThrow(), version);
        assertEquals(shipped.size(), count("SELECT COUNT(*) FROM oreka_schema_history"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orkservice (name, hostname, tcpPort) VALUES ('orkaudio-rec1', 'rec1', 59140)");
        }
        assertEquals(1, count("SELECT COUNT(*) FROM orkservice"));
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        SchemaMigrations.migrate(dataSource, shipped());
        SchemaMigrations.migrate(dataSource, shipped());
        assertEquals(shipped().size(), count("SELECT COUNT(*) FROM oreka_schema_history"));
    }

    @Test
    void onlyNewMigrationsApplyAndInOrder() throws Exception {
        List<Migration> first = List.of(Migration.of("V1__a.sql", "CREATE TABLE a (x INTEGER);"));
        SchemaMigrations.migrate(dataSource, first);
        List<Migration> later = new ArrayList<>(first);
        later.add(Migration.of("V3__c.sql", "INSERT INTO b (y) VALUES (2);"));
        later.add(Migration.of("V2__b.sql", "CREATE TABLE b (y INTEGER);\nINSERT INTO b (y) VALUES (1);"));
        assertEquals(3, SchemaMigrations.migrate(dataSource, later));
        assertEquals(2, count("SELECT COUNT(*) FROM b"));
    }

    @Test
    void aFailingMigrationRollsBackAndNamesItself() throws Exception {
        List<Migration> migrations = List.of(Migration.of("V1__a.sql", "CREATE TABLE a (x INTEGER);"),
                Migration.of("V2__broken_one.sql", "CREATE TABLE b (y INTEGER);\nCREATE TABLE nonsense (;"));
        SQLException e = assertThrows(SQLException.class, () -> SchemaMigrations.migrate(dataSource, migrations));
        assertTrue(e.getMessage().startsWith("schema migration V2 (broken one) failed"), e.getMessage());
        assertEquals(1, count("SELECT COUNT(*) FROM oreka_schema_history"));
        assertEquals(1, count("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'A'"));
        assertEquals(0, count("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'B'"), "DDL of the failed migration is rolled back");
    }

    @Test
    void twoMigrationsOfOneVersionOrAnEditedOneStopTheMigration() throws Exception {
        List<Migration> first = List.of(Migration.of("V1__a.sql", "CREATE TABLE a (x INTEGER);"));
        SchemaMigrations.migrate(dataSource, first);
        SQLException twice = assertThrows(SQLException.class, () -> SchemaMigrations.migrate(dataSource, List.of(first.get(0),
                Migration.of("V2__b.sql", "CREATE TABLE b (x INTEGER);"), Migration.of("V2__c.sql", "CREATE TABLE c (x INTEGER);"))));
        assertTrue(twice.getMessage().contains("two schema migrations have version 2"), twice.getMessage());
        SQLException edited = assertThrows(SQLException.class, () -> SchemaMigrations.migrate(dataSource,
                List.of(Migration.of("V1__a.sql", "CREATE TABLE a (x BIGINT);"))));
        assertTrue(edited.getMessage().contains("V1 (a) was edited after it was applied"), edited.getMessage());
        assertEquals(1, count("SELECT COUNT(*) FROM oreka_schema_history"));
    }

    @Test
    void scriptsAreSplitOnTrailingSemicolonsAndBadNamesRejected() {
        Migration m = Migration.of("V7__two_steps.sql", "-- comment; not a statement\nCREATE TABLE t (\n  a VARCHAR(10)\n);\n\nDROP TABLE t;\n");
        assertEquals(List.of("CREATE TABLE t (\n  a VARCHAR(10)\n)", "DROP TABLE t"), m.statements());
        assertEquals("two steps", m.description());
        assertThrows(IllegalArgumentException.class, () -> Migration.of("create_tables.sql", ""));
        assertThrows(IllegalArgumentException.class, () -> Migration.of("V1__x.sql", "CREATE TABLE t (a INTEGER)").statements());
    }

    private static List<Migration> shipped() throws Exception {
        List<Migration> migrations = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                migrations.add(Migration.of(file.getFileName().toString(), Files.readString(file)));
            }
        }
        return migrations;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
