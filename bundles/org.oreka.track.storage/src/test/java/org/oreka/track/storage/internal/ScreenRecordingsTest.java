package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveCall;
import org.oreka.track.storage.RecordingListener;
import org.oreka.track.storage.ScreenRecording;
import org.oreka.track.storage.TapeMessage;
import org.oreka.track.storage.TapeReceipt;
import org.oreka.track.storage.TapeStage;

/** Screen tapes stored beside their call, found by the call's orkuid, and the listeners of audio recordings. */
class ScreenRecordingsTest {

    private static final Instant T0 = Instant.parse("2024-01-01T10:15:00Z");

    private TrackFixture track;
    private ScreenRecordingsImpl screens;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
        screens = new ScreenRecordingsImpl(track.storage);
        track.recordings.bindListener(new RecordingListener() {
            @Override
            public void recordingStarted(LiveCall call) {
                heard.add("started " + call.orkuid() + " " + call.localParty());
            }

            @Override
            public void recordingStopped(String orkuid) {
                heard.add("stopped " + orkuid);
            }
        });
    }

    @AfterEach
    void close() {
        track.close();
    }

    @Test
    void aScreenTapeIsStoredWithItsCallAndFoundByIt() {
        track.call("20240101_101500_CALL", T0, 30, "1001", "5551234", Direction.IN);
        screen("20240101_101500_CALL_S20240101101501", TapeStage.START, 0);
        assertEquals(1, screens.ofCall("20240101_101500_CALL").size());
        assertEquals("START", screens.ofCall("20240101_101500_CALL").get(0).state());
        screen("20240101_101500_CALL_S20240101101501", TapeStage.STOP, 29);
        TapeReceipt ready = screen("20240101_101500_CALL_S20240101101501", TapeStage.READY, 29);
        screen("20240101_101500_CALL_S20240101101501", TapeStage.READY, 29);
        assertTrue(ready.success());
        assertFalse(ready.deleteTape());
        List<ScreenRecording> found = screens.ofCall("20240101_101500_CALL");
        assertEquals(List.of(new ScreenRecording("20240101_101500_CALL_S20240101101501", "20240101_101500_CALL",
                "2024/01/01/10/20240101_101500_CALL_S20240101101501.webm", T0.plusSeconds(1), 29, "orkrfb-desk", "rfbhost",
                "READY")), found);
        // the screen is no call: no segment, no live call, nothing for the call's listeners
        assertEquals(1, track.count("SELECT COUNT(s) FROM SegmentEntity s"));
        assertTrue(track.recordings.all().isEmpty());
        assertEquals(List.of("started 20240101_101500_CALL 1001", "stopped 20240101_101500_CALL"), heard);
        assertTrue(screens.ofCall("20240101_101500_OTHER").isEmpty());
        assertTrue(screens.ofCall(null).isEmpty());
    }

    @Test
    void aReadyWithoutStopStillTellsTheListeners() {
        track.recordings.ingest(TrackFixture.tape("20240101_101500_NSTP", TapeStage.START, T0, 0, "1002", "5", Direction.OUT))
                .toCompletableFuture().join();
        track.recordings.ingest(TrackFixture.tape("20240101_101500_NSTP", TapeStage.READY, T0, 5, "1002", "5", Direction.OUT))
                .toCompletableFuture().join();
        track.recordings.ingest(TrackFixture.tape("20240101_101500_NSTP", TapeStage.STOP, T0, 5, "1002", "5", Direction.OUT))
                .toCompletableFuture().join();
        assertEquals(List.of("started 20240101_101500_NSTP 1002", "stopped 20240101_101500_NSTP"), heard);
    }

    private TapeReceipt screen(String recid, TapeStage stage, long duration) {
        return track.recordings.ingest(new TapeMessage(recid, stage, "desk001:5900", T0.plusSeconds(1), duration,
                "2024/01/01/10/" + recid + ".webm", null, null, null, Direction.UNKN, "orkrfb-desk", "rfbhost", null, null,
                null, List.of(), false, null, "5001", 'S', null, "20240101_101500_CALL")).toCompletableFuture().join();
    }
}
