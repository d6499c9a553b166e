package org.oreka.track.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oreka.track.storage.Direction;
import org.oreka.track.storage.LiveDecision;
import org.oreka.track.storage.LiveMonitoring;
import org.oreka.track.storage.RecorderRegistration;
import org.oreka.track.storage.TapeMessage;
import org.oreka.track.storage.TapeStage;
import org.oreka.track.storage.TrackException;
import org.oreka.track.storage.UserLiveStatus;
import org.oreka.track.storage.UserUpdate;

class LiveMonitoringTest {

    private TrackFixture track;
    private long john;

    @BeforeEach
    void open() throws Exception {
        track = new TrackFixture();
        john = track.users.save(new UserUpdate("5001", "John", "Smith", null, null, null, null, null, null)).id();
        track.users.addLoginStrings("5001", List.of("agent-77"));
        track.recorders.register(new RecorderRegistration("orkaudio-test", "rec1.example", "A", 59140, 59120, "http", 8080,
                "/audio", "", "/var/log/orkaudio/audio"));
    }

    @AfterEach
    void close() {
        track.close();
    }

    private void send(String recid, TapeStage stage, Instant start, String local, long fileSize) {
        TapeMessage m = TrackFixture.tape(recid, stage, start, stage == TapeStage.START ? 0 : 30, local, "5145551234",
                Direction.IN);
        track.recordings.ingest(new TapeMessage(m.recid(), m.stage(), m.capturePort(), m.timestamp(), m.durationSeconds(),
                m.filename(), m.localParty(), m.localEntryPoint(), m.remoteParty(), m.direction(), m.service(), m.hostname(),
                m.localIp(), m.remoteIp(), m.nativeCallId(), m.tags(), m.onDemand(), m.side(), m.loginString(), 'A',
                fileSize > 0 ? fileSize : null)).toCompletableFuture().join();
    }

    @Test
    void aUserInACallIsActiveWithTheCallsDetailsAndItsRecorder() {
        send("20240101_101500_HRT", TapeStage.START, Instant.now().minusSeconds(14), "5001", 0);
        UserLiveStatus status = track.monitoring.statuses(List.of(String.valueOf(john)), false).get(0);
        assertTrue(status.active());
        assertEquals("5001", status.localParty());
        assertEquals("5145551234", status.call().remoteParty());
        assertEquals("20240101_101500_HRT", status.call().orkuid());
        assertEquals("rec1.example", status.recorder().hostname());
        assertEquals(59120, status.recorder().streamingPort());
        assertTrue(status.elapsedSeconds() >= 14 && status.elapsedSeconds() < 20);
        assertEquals(LiveDecision.NEITHER, status.status());
        assertNull(status.diskSpaceUsedKb());
    }

    @Test
    void anIdleUserIsInactiveWithTheTimeSinceItsLastCallAndItsDiskUsage() {
        UserLiveStatus never = track.monitoring.statuses(List.of("5001"), true).get(0);
        assertFalse(never.active());
        assertEquals(LiveMonitoring.OVER_A_DAY, never.elapsedSeconds());
        assertEquals(0L, never.diskSpaceUsedKb());
        Instant start = Instant.now().minusSeconds(40);
        send("20240101_101500_AAA", TapeStage.START, start, "5001", 0);
        send("20240101_101500_AAA", TapeStage.STOP, start, "5001", 0);
        send("20240101_101500_AAA", TapeStage.READY, start, "5001", 480_000);
        UserLiveStatus after = track.monitoring.statuses(List.of("5001"), true).get(0);
        assertFalse(after.active());
        assertTrue(after.elapsedSeconds() < 5);
        assertEquals(468L, after.diskSpaceUsedKb());
        assertEquals("9999", track.monitoring.statuses(List.of("9999"), false).get(0).localParty(), "an unknown party is asked as is");
    }

    @Test
    void theCallOfTheDeviceAnAgentIsLoggedInAtIsTheAgentsCall() {
        track.agents.login("agent-77", "2000", null, null, null);
        send("20240101_101500_DEV", TapeStage.START, Instant.now(), "2000", 0);
        UserLiveStatus status = track.monitoring.statuses(List.of(String.valueOf(john)), false).get(0);
        assertEquals("2000", status.localParty());
        assertEquals("20240101_101500_DEV", status.call().orkuid());
    }

    @Test
    void aDecisionGoesToTheCallShownOrWaitsForTheNextOne() {
        Instant start = Instant.now().minusSeconds(30);
        send("20240101_101500_KP1", TapeStage.START, start, "5001", 0);
        assertEquals("20240101_101500_KP1", track.monitoring.decide(john, LiveDecision.DROP, 30L));
        assertEquals(LiveDecision.DROP, track.monitoring.statuses(List.of("5001"), false).get(0).status());
        assertNull(track.monitoring.decide(john, LiveDecision.KEEP, 200L), "no call was 200 s old: the next call is kept");
        send("20240101_101500_KP1", TapeStage.STOP, start, "5001", 0);
        assertEquals("20240101_101500_KP1", track.monitoring.decide(john, LiveDecision.NEITHER, 30L),
                "a call that stopped but is not stored yet can still be decided");
        assertEquals(LiveDecision.KEEP, track.monitoring.statuses(List.of("5001"), false).get(0).status());
        send("20240101_101600_KP2", TapeStage.START, Instant.now(), "5001", 0);
        UserLiveStatus next = track.monitoring.statuses(List.of("5001"), false).get(0);
        assertEquals("20240101_101600_KP2", next.call().orkuid());
        assertEquals(LiveDecision.KEEP, next.status(), "the waiting decision went to this call");
        assertEquals(LiveDecision.NEITHER, track.recordings.nextCallDecision(john), "and no longer waits");
        assertThrows(TrackException.class, () -> track.monitoring.decide(4242, LiveDecision.KEEP, null));
    }
}
