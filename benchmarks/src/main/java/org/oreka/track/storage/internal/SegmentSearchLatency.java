package org.oreka.track.storage.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import javax.persistence.EntityManagerFactory;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.oreka.benchmarks.Percentiles;
import org.oreka.testing.ResourceLocalJpaTemplate;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.SegmentSearch;

/**
 * Segment search over a million recordings, measured: an on-disk Derby database with OrkTrack's shipped migrations
 * and Derby's default settings (as the distribution runs it) is filled once with a year of calls — 2,000 extensions,
 * remote numbers over 200 area codes — then OrkTrack's own {@link SegmentSearchImpl}, through the real Hibernate
 * persistence unit, answers the searches OrkWeb asks (newest first, pages of 50) and their latencies are reported.
 * The database is kept in the work folder and reused while it holds the same number of rows.
 *
 * <p>Usage: {@code SegmentSearchLatency <work folder> <rows> <searches per kind>}
 */
public final class SegmentSearchLatency {

    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final int EXTENSIONS = 2000;
    private static final int AREA_CODES = 200;
    private static final int PAGE = 50;

    private SegmentSearchLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int searches = Integer.parseInt(args[2]);
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(work.resolve("orktrack").toString());
        dataSource.setCreateDatabase("create");
        SchemaMigrations.migrate(dataSource, shippedMigrations());
        dataSource.setCreateDatabase(null);
        if (segmentCount(dataSource) != rows) {
            load(dataSource, rows);
        }
        EntityManagerFactory emf = new HibernatePersistenceProvider().createEntityManagerFactory("oreka", Map.of(
                "javax.persistence.nonJtaDataSource", dataSource,
                "hibernate.dialect", "org.hibernate.dialect.DerbyTenSevenDialect"));
        Storage storage = new Storage(new ResourceLocalJpaTemplate(emf), () -> 0);
        try {
            measure(new SegmentSearchImpl(storage), rows, searches);
        } finally {
            storage.deactivate();
            emf.close();
        }
    }

    /** Runs each kind of search, after a warm-up, and prints its latency percentiles. */
    private static void measure(SegmentSearch search, int rows, int searches) {
        Random random = new Random(7);
        Map<String, Function<Random, SegmentQuery>> kinds = new LinkedHashMap<>();
        kinds.put("one day", r -> window(r, 1, null, null, 0));
        kinds.put("one day, page 10", r -> window(r, 1, null, null, 9 * PAGE));
        kinds.put("whole year", r -> window(r, 365, null, null, 0));
        kinds.put("extension, one week", r -> window(r, 7, extension(r), null, 0));
        kinds.put("extension, whole year", r -> window(r, 365, extension(r), null, 0));
        kinds.put("remote area code, one month", r -> window(r, 30, null, areaCode(r), 0));
        kinds.put("remote area code, whole year", r -> window(r, 365, null, areaCode(r), 0));
        kinds.put("extension prefix (1 in 20), one week", r -> window(r, 7, "4" + r.nextInt(2) + r.nextInt(10), null, 0));
        for (Function<Random, SegmentQuery> kind : kinds.values()) {
            for (int i = 0; i < Math.max(50, searches / 5); i++) {
                search.search(kind.apply(random));
            }
        }
        System.out.printf("segment search over %,d segments, pages of %d, newest first, %,d searches per kind:%n", rows,
                PAGE, searches);
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, Function<Random, SegmentQuery>> kind : kinds.entrySet()) {
            long[] latencies = new long[searches];
            long found = 0;
            for (int i = 0; i < searches; i++) {
                SegmentQuery query = kind.getValue().apply(random);
                long start = System.nanoTime();
                found += search.search(query).segments().size();
                latencies[i] = System.nanoTime() - start;
                all.add(latencies[i]);
            }
            Arrays.sort(latencies);
            System.out.printf("  %-38s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%.1f rows per page)%n",
                    kind.getKey(), Percentiles.millis(latencies, 50), Percentiles.millis(latencies, 95), Percentiles.millis(latencies, 99),
                    latencies[latencies.length - 1] / 1e6, (double) found / searches);
        }
        long[] every = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  %-38s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", "all searches",
                Percentiles.millis(every, 50), Percentiles.millis(every, 95), Percentiles.millis(every, 99), every[every.length - 1] / 1e6);
    }

    private static SegmentQuery window(Random random, int days, String local, String remote, int offset) {
        Instant from = YEAR_START.plusSeconds(random.nextInt(365 - days + 1) * 86_400L);
        return new SegmentQuery(from, from.plus(Duration.ofDays(days)), local, remote, null, null, null, null, null,
                SegmentQuery.Sort.NEWEST_FIRST, offset, PAGE);
    }

    private static String extension(Random random) {
        return Integer.toString(4000 + random.nextInt(EXTENSIONS));
    }

    private static String areaCode(Random random) {
        return Integer.toString(200 + random.nextInt(AREA_CODES));
    }

    /** Fills the database with a year of kept calls: one tape and one whole-call segment each, in time order. */
    private static void load(EmbeddedDataSource dataSource, int rows) throws SQLException {
        long started = System.nanoTime();
        Random random = new Random(42);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM orksegment");
                s.executeUpdate("DELETE FROM orktape");
                s.executeUpdate("DELETE FROM orkservice");
                s.executeUpdate("INSERT INTO orkservice (id, name, hostname, serviceClass) VALUES (1, 'orkaudio-bench', 'bench',"
                        + " 'AUDIO')");
            }
            try (PreparedStatement tape = c.prepareStatement("INSERT INTO orktape (id, recid, timestamp, duration, filename,"
                    + " service_id, localParty, localEntryPoint, remoteParty, direction, portName, nativeCallId, state, localIp,"
                    + " remoteIp, hostname, side, kept, startedAt, stoppedAt, readyAt) VALUES (?, ?, ?, ?, ?, 1, ?, '', ?, ?, ?, ?,"
                    + " 'READY', '10.0.0.5', '10.0.0.1', 'bench', 'both', TRUE, ?, ?, ?)");
                    PreparedStatement segment = c.prepareStatement("INSERT INTO orksegment (id, tape_id, timestamp, duration,"
                            + " localParty, localEntryPoint, remoteParty, direction, loginString, portName) VALUES (?, ?, ?, ?, ?,"
                            + " '', ?, ?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    Instant at = YEAR_START.plusMillis((long) ((i - 1 + random.nextDouble()) * YEAR_SECONDS * 1000 / rows));
                    Timestamp when = Timestamp.from(at);
                    long duration = 5 + random.nextInt(600);
                    String recid = String.format("%1$tY%1$tm%1$td_%1$tH%1$tM%1$tS_B%2$07d", java.util.Date.from(at), i);
                    String local = extension(random);
                    String remote = areaCode(random) + String.format("%07d", random.nextInt(10_000_000));
                    short direction = (short) random.nextInt(2);
                    String port = "B" + i;
                    Timestamp end = Timestamp.from(at.plusSeconds(duration));
                    tape.setLong(1, i);
                    tape.setString(2, recid);
                    tape.setTimestamp(3, when);
                    tape.setLong(4, duration);
                    tape.setString(5, String.format("%1$tY/%1$tm/%1$td/%1$tH/%2$s.wav", java.util.Date.from(at), recid));
                    tape.setString(6, local);
                    tape.setString(7, remote);
                    tape.setShort(8, direction);
                    tape.setString(9, port);
                    tape.setString(10, recid + "@pbx");
                    tape.setTimestamp(11, when);
                    tape.setTimestamp(12, end);
                    tape.setTimestamp(13, end);
                    tape.addBatch();
                    segment.setLong(1, i);
                    segment.setLong(2, i);
                    segment.setTimestamp(3, when);
                    segment.setLong(4, duration);
                    segment.setString(5, local);
                    segment.setString(6, remote);
                    segment.setShort(7, direction);
                    segment.setString(8, local);
                    segment.setString(9, port);
                    segment.addBatch();
                    if (i % 1000 == 0 || i == rows) {
                        tape.executeBatch();
                        segment.executeBatch();
                        c.commit();
                    }
                    if (i % 100_000 == 0) {
                        System.out.printf("loaded %,d of %,d recordings%n", i, rows);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"ORKTAPE", "ORKSEGMENT"}) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
                }
            }
            c.commit();
        }
        System.out.printf("loaded %,d recordings in %.0f s%n", rows, (System.nanoTime() - started) / 1e9);
    }

    private static long segmentCount(EmbeddedDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM orksegment")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The migrations shipped in the storage bundle, read from its jar (or classes folder). */
    private static List<Migration> shippedMigrations() throws IOException, URISyntaxException {
        Path location = Path.of(Storage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return migrationsIn(location.resolve("db/migration"));
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return migrationsIn(jar.getPath("db/migration"));
        }
    }

    private static List<Migration> migrationsIn(Path folder) throws IOException {
        List<Migration> migrations = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                migrations.add(Migration.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return migrations;
    }
}
