package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.Program;
import org.oreka.track.storage.SegmentQuery;
import org.oreka.track.storage.TagEntry;
import org.oreka.track.storage.TapeReceipt;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserUpdate;
import org.oreka.track.storage.internal.entity.TapeEntity;

class RecordingStoreTest {

    private static final Instant T0 = Instant.parse("2024-01-01T10:15:00Z");

    private TrackFixture track;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
    }

    @AfterEach
    void close() {
        track.close();
    }

    @Test
    void aCallBecomesATapeAndOneSegmentKeptWhenThereAreNoPrograms() {
        TapeReceipt ready = track.call("20240101_101500_AAAA", T0, 35, "1001", "5551234", Direction.IN);
        assertTrue(ready.success());
        assertFalse(ready.deleteTape());
        TapeEntity tape = tape("20240101_101500_AAAA");
        assertEquals("READY", tape.state);
        assertEquals(35, tape.duration);
        assertEquals("2024/01/01/10/20240101_101500_AAAA.wav", tape.filename);
        assertEquals(Direction.IN.code(), tape.direction);
        assertEquals("call-20240101_101500_AAAA", tape.nativeCallId);
        var page = track.search.search(new SegmentQuery(null, null, null, null, null, null, null, null,
                "20240101_101500_AAAA", null, 0, 10));
        assertEquals(1, page.segments().size());
        assertEquals("1001", page.segments().get(0).localParty());
        assertEquals("orkaudio-test", page.segments().get(0).recorder());
        assertEquals(1, track.count("SELECT COUNT(s) FROM SessionEntity s"));
    }

    @Test
    void everyStageDeliveredTwiceChangesNothingAndGetsTheSameAnswer() {
        track.programs.save(new Program(0, "long calls only", true, Direction.ALL, 60, 0, 1.0, Program.Cycle.PERMANENT,
                null, null, null, null, 0, null, null, List.of(), 0, null, null, null, null));
        for (int i = 0; i < 2; i++) {
            TapeReceipt ready = track.call("20240101_101500_AAAB", T0, 20, "1001", "5551234", Direction.OUT);
            assertTrue(ready.deleteTape(), "no program keeps a 20 s call");
        }
        for (int i = 0; i < 2; i++) {
            assertFalse(track.call("20240101_101600_AAAC", T0.plusSeconds(60), 90, "1001", "5551234", Direction.OUT).deleteTape());
        }
        assertEquals(2, track.count("SELECT COUNT(t) FROM TapeEntity t"));
        assertEquals(1, track.count("SELECT COUNT(s) FROM SegmentEntity s"));
        assertEquals(1, track.count("SELECT COUNT(p) FROM ProgramToSegmentEntity p"));
        assertEquals(1, track.programs.all().stream().filter(p -> p.name().equals("long calls only")).count());
        assertEquals(Integer.valueOf(1), track.query(em -> em.createQuery("SELECT p.recordedSoFar FROM ProgramEntity p", Integer.class)
                .getSingleResult()));
    }

    @Test
    void aStopOrReadyWithoutAStartStillRecordsTheCall() {
        TapeReceipt ready = track.recordings.ingest(TrackFixture.tape("20240101_101500_AAAD", TapeStage.READY, T0, 12, "1002",
                "555", Direction.IN)).toCompletableFuture().join();
        assertFalse(ready.deleteTape());
        assertEquals(1, track.count("SELECT COUNT(s) FROM SegmentEntity s"));
    }

    @Test
    void liveDecisionsOverrideProgramsAndUnrecordableUsersAreDeleted() {
        track.programs.save(new Program(0, "nothing", true, Direction.IN, 0, 0, 1.0, Program.Cycle.PERMANENT, null, null,
                null, null, 0, null, "nobody", List.of(), 0, null, null, null, null));
        track.users.save(new UserUpdate("2001", "Ann", "Agent", null, null, null, null, null, null));
        track.users.save(new UserUpdate("2002", "Bob", "Private", null, false, null, null, null, null));
        long ann = track.users.byLoginString("2001").orElseThrow().id();

        start("20240101_101500_AAAE", "2001");
        assertEquals("20240101_101500_AAAE", track.monitoring.decide(ann, LiveDecision.KEEP, 0L));
        assertFalse(finish("20240101_101500_AAAE", "2001").deleteTape(), "kept by the live decision despite the programs");

        TapeReceipt start = start("20240101_101600_AAAF", "2002");
        assertFalse(start.success(), "the start of an unrecordable user is refused");
        assertTrue(finish("20240101_101600_AAAF", "2002").deleteTape());

        assertTrue(track.call("20240101_101700_AAAG", T0, 10, "2001", "555", Direction.IN).deleteTape(),
                "the next call goes back to the programs");
    }

    @Test
    void tagsFromTheMessageAreStoredOnceAndReachTheLiveCall() {
        TagEntry uid = new TagEntry("X-Unique-ID", "1704104099.12", null);
        track.recordings.ingest(TrackFixture.tape("20240101_101500_AAAH", TapeStage.START, T0, 0, "1003", "555", Direction.IN,
                uid)).toCompletableFuture().join();
        track.recordings.ingest(TrackFixture.tape("20240101_101500_AAAH", TapeStage.START, T0, 0, "1003", "555", Direction.IN,
                uid)).toCompletableFuture().join();
        assertEquals(List.of(uid), track.recordings.byLocalParty("1003").orElseThrow().tags());
        track.recordings.tagRecording("20240101_101500_AAAH", List.of(new TagEntry("dtmfdigit", "5", 2000L),
                new TagEntry("dtmfdigit", "5", 3000L)));
        track.recordings.tagRecording("20240101_101500_AAAH", List.of(new TagEntry("dtmfdigit", "5", 2000L)));
        assertEquals(3, track.recordings.tagsOf("20240101_101500_AAAH").size());
        assertEquals(3, track.recordings.byOrkuid("20240101_101500_AAAH").orElseThrow().tags().size());
        assertThrows(TrackException.class, () -> track.recordings.tagRecording("nope", List.of(uid)));
    }

    @Test
    void holdResumeAndUpdateChangeTheLiveCall() {
        start("20240101_101500_AAAI", "1004");
        track.recordings.ingest(TrackFixture.tape("20240101_101500_AAAI", TapeStage.HOLD, T0, 0, "", "", Direction.UNKN))
                .toCompletableFuture().join();
        assertTrue(track.recordings.byOrkuid("20240101_101500_AAAI").orElseThrow().onHold());
        track.recordings.ingest(TrackFixture.tape("20240101_101500_AAAI", TapeStage.RESUME, T0, 0, "", "", Direction.UNKN))
                .toCompletableFuture().join();
        assertFalse(track.recordings.byOrkuid("20240101_101500_AAAI").orElseThrow().onHold());
        track.recordings.ingest(TrackFixture.tape("20240101_101500_AAAI", TapeStage.UPDATE, T0, 0, "1004", "777", Direction.OUT))
                .toCompletableFuture().join();
        assertEquals("777", track.recordings.byLocalParty("1004").orElseThrow().remoteParty());
        finish("20240101_101500_AAAI", "1004");
        assertTrue(track.recordings.byLocalParty("1004").isEmpty());
        assertTrue(track.recordings.lastCallEnd("1004").isPresent());
    }

    @Test
    void manyConcurrentMessagesAreGroupCommittedAndNoneIsLost() {
        List<CompletableFuture<TapeReceipt>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String recid = String.format("20240101_101500_B%03d", i);
            for (TapeStage stage : List.of(TapeStage.START, TapeStage.STOP, TapeStage.READY)) {
                answers.add(track.recordings.ingest(TrackFixture.tape(recid, stage, T0, stage == TapeStage.START ? 0 : 30,
                        "3" + i, "555", Direction.IN)).toCompletableFuture());
            }
        }
        answers.forEach(a -> assertTrue(a.join().success()));
        assertEquals(300, track.count("SELECT COUNT(t) FROM TapeEntity t WHERE t.state = 'READY'"));
        assertEquals(300, track.count("SELECT COUNT(s) FROM SegmentEntity s"));
    }

    private TapeReceipt start(String recid, String local) {
        return track.recordings.ingest(TrackFixture.tape(recid, TapeStage.START, T0, 0, local, "555", Direction.IN))
                .toCompletableFuture().join();
    }

    private TapeReceipt finish(String recid, String local) {
        track.recordings.ingest(TrackFixture.tape(recid, TapeStage.STOP, T0, 10, local, "555", Direction.IN)).toCompletableFuture().join();
        return track.recordings.ingest(TrackFixture.tape(recid, TapeStage.READY, T0, 10, local, "555", Direction.IN))
                .toCompletableFuture().join();
    }

    private TapeEntity tape(String recid) {
        return track.query(em -> em.createQuery("SELECT t FROM TapeEntity t WHERE t.recid = :r", TapeEntity.class)
                .setParameter("r", recid).getSingleResult());
    }
}
