package org.oreka.track.storage.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TapeMessage;
import org.oreka.track.storage.TapeReceipt;
import org.oreka.track.storage.TapeStage;
import org.oreka.testing.ResourceLocalJpaTemplate;

/**
 * OrkTrack's storage components wired as Declarative Services would wire them, on a fresh in-memory Derby
 * database migrated with the shipped migrations, with the real Hibernate persistence unit.
 */
final class TrackFixture implements AutoCloseable {

    final EmbeddedDataSource dataSource;
    final EntityManagerFactory emf;
    final Storage storage;
    final DirectoryCache directory;
    final UserDirectoryImpl users;
    final ProgramsImpl programs;
    final RecordersImpl recorders;
    final AgentTrackingImpl agents;
    final RecordingStore recordings;
    final LiveMonitoringImpl monitoring;
    final SegmentSearchImpl search;

    TrackFixture() throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        SchemaMigrations.migrate(dataSource, shippedMigrations());
        dataSource.setCreateDatabase(null);
        emf = new HibernatePersistenceProvider().createEntityManagerFactory("oreka", Map.of(
                "javax.persistence.nonJtaDataSource", dataSource,
                "hibernate.dialect", "org.hibernate.dialect.DerbyTenSevenDialect"));
        storage = new Storage(new ResourceLocalJpaTemplate(emf), () -> 6);
        directory = new DirectoryCache(storage);
        users = new UserDirectoryImpl(storage, directory);
        programs = new ProgramsImpl(storage, directory);
        recorders = new RecordersImpl(storage);
        agents = new AgentTrackingImpl(storage);
        recordings = new RecordingStore(storage, directory, programs, recorders, agents);
        monitoring = new LiveMonitoringImpl(storage, directory, recordings, agents, recorders);
        search = new SegmentSearchImpl(storage);
    }

    @Override
    public void close() {
        directory.deactivate();
        storage.deactivate();
        emf.close();
    }

    static List<Migration> shippedMigrations() throws Exception {
        List<Migration> migrations = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                migrations.add(Migration.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return migrations;
    }

    /** A tape message as the recorder sends it. */
    static TapeMessage tape(String recid, TapeStage stage, Instant start, long duration, String local, String remote,
            Direction direction, TagEntry... tags) {
        return new TapeMessage(recid, stage, recid.substring(recid.lastIndexOf('_') + 1), start, duration,
                "2024/01/01/10/" + recid + (stage == TapeStage.START ? "" : ".wav"), local, "", remote, direction,
                "orkaudio-test", "rec1", "10.0.0.5", "10.0.0.1", "call-" + recid, List.of(tags), false, "both", null, 'A',
                null);
    }

    /** Runs the three stages of a call and returns the ready answer. */
    TapeReceipt call(String recid, Instant start, long duration, String local, String remote, Direction direction) {
        recordings.ingest(tape(recid, TapeStage.START, start, 0, local, remote, direction)).toCompletableFuture().join();
        recordings.ingest(tape(recid, TapeStage.STOP, start, duration, local, remote, direction)).toCompletableFuture().join();
        return recordings.ingest(tape(recid, TapeStage.READY, start, duration, local, remote, direction)).toCompletableFuture().join();
    }

    <R> R query(EmFunction<R> work) {
        return storage.tx(work);
    }

    long count(String jpql) {
        return query(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }
}
