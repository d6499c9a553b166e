package org.oreka.audio.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.session.internal.TrackerFixture.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.CallSelector.Key;
import org.oreka.audio.session.KeptSides;
import org.oreka.sdk.tape.SessionDTO;
import org.oreka.sdk.tape.TapeDTO;

/** Recording control (record, pause, resume, stop) on calls played into the session tracker. */
class RecordingControlTest {

    @TempDir
    Path root;

    private static CallSelector party(String party) {
        return new CallSelector(Key.PARTY, party);
    }

    /** call-1: alice (10.0.0.1, on the LAN, so the local party) calls bob. */
    private static ScriptedCall aliceCallsBob(TrackerFixture f) {
        return new ScriptedCall(f, "call-1", "alice", "bob", "10.0.0.1", "10.0.0.2", T0);
    }

    /** The journal records of packets {@code from} to {@code to} (exclusive), both sides, as ScriptedCall sends them. */
    private static List<String> packets(int from, int to) {
        List<String> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add("1:" + i);
            records.add("2:" + (500 + i));
        }
        return records;
    }

    @Test
    void aPausedStretchIsLeftOutOfTheRecordingAndMarkedForTheTimeline() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 100);
        List<SessionDTO> paused = f.tracker.pause(party("alice"));
        assertEquals(1, paused.size());
        String orkuid = f.started.get(0).orkuid;
        assertEquals(orkuid, paused.get(0).orkuid);
        assertTrue(paused.get(0).paused);
        assertFalse(paused.get(0).recording, "no audio is kept while paused");
        assertTrue(f.tracker.sessions().get(0).paused, "the live snapshot shows the pause");
        call.talk(100, 200);
        assertEquals(1, f.tracker.resume(new CallSelector(Key.ORKUID, orkuid.toLowerCase())).size());
        assertFalse(f.tracker.sessions().get(0).paused);
        assertTrue(f.tracker.sessions().get(0).recording);
        call.talk(200, 300);
        call.hangUp(300);

        assertEquals(1, f.stopped.size(), "one recording: a pause does not split");
        TapeDTO tape = f.stopped.get(0);
        List<String> expected = packets(0, 100);
        expected.addAll(packets(200, 300));
        assertEquals(expected, f.journal(tape), "packets 100 to 199 are not kept");
        // The stretch runs from the last packet kept before the pause to the last one dropped before the resume.
        assertEquals(List.of("pause@" + (call.packetMicros(99) + 5_000 - T0), "resume@" + (call.packetMicros(199) + 5_000 - T0)),
                f.marks(tape));
        assertFalse(tape.onDemand, "pause and resume do not make a recording on demand");
        assertEquals(20L * 300 + 5, tape.durationMillis, "the duration still spans the call, as in Oreka");
        assertTrue(f.kept.get(0));
    }

    @Test
    void withoutLookBackNothingIsKeptUntilRecordAndOnlyWhatFollowsIt() throws Exception {
        TrackerFixture f = new TrackerFixture(root, TrackerFixture.lanRules(), false);
        ScriptedCall recorded = aliceCallsBob(f);
        ScriptedCall ignored = new ScriptedCall(f, "call-2", "carol", "dave", "10.0.0.3", "10.0.0.4", T0);
        recorded.talk(0, 100);
        ignored.talk(0, 100);
        assertEquals(2, f.started.size(), "the calls are reported as they start, as Oreka does");
        assertFalse(f.tracker.sessions().get(0).recording);
        assertFalse(f.tracker.sessions().get(0).paused, "waiting for a record is not a pause");

        List<SessionDTO> acted = f.tracker.record(new CallSelector(Key.NATIVE_CALL_ID, "CALL-1"), KeptSides.BOTH);
        assertEquals(List.of(f.started.get(0).orkuid), acted.stream().map(s -> s.orkuid).toList());
        assertEquals(1, f.updated.size());
        assertTrue(f.updated.get(0).onDemand, "the update marks the recording on demand");
        assertEquals("both", f.updated.get(0).side);
        recorded.talk(100, 200);
        ignored.talk(100, 200);
        recorded.hangUp(200);
        ignored.hangUp(200);

        assertEquals(2, f.stopped.size());
        TapeDTO tape = f.stopped.get(0);
        assertEquals("alice", tape.localParty);
        assertTrue(tape.onDemand);
        assertEquals(packets(100, 200), f.journal(tape), "only the audio after the record");
        assertTrue(f.kept.get(0));
        TapeDTO never = f.stopped.get(1);
        assertEquals("carol", never.localParty);
        assertFalse(f.kept.get(1), "a call never recorded leaves no recording");
        assertFalse(Files.exists(f.audio.resolve(never.file)));
    }

    @Test
    void recordBeforeTheFirstPacketKeepsTheCallFromItsStart() throws Exception {
        TrackerFixture f = new TrackerFixture(root, TrackerFixture.lanRules(), false);
        ScriptedCall call = aliceCallsBob(f);
        List<SessionDTO> acted = f.tracker.record(party("bob"), KeptSides.REMOTE);
        assertEquals(1, acted.size(), "a ringing call matches by its parties");
        assertEquals("", acted.get(0).orkuid, "it has no recording yet");
        assertEquals("call-1", acted.get(0).nativeCallId);
        call.talk(0, 50);
        call.hangUp(50);
        TapeDTO tape = f.stopped.get(0);
        assertTrue(f.started.get(0).onDemand, "the recording starts on demand");
        assertEquals("remote", f.started.get(0).side);
        assertEquals("remote", tape.side);
        assertEquals(packets(0, 50), f.journal(tape));
    }

    @Test
    void stopEndsTheRecordingAndTheCallGoesOnInANewOne() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 100);
        String first = f.started.get(0).orkuid;
        List<SessionDTO> acted = f.tracker.stopRecording(new CallSelector(Key.ORKUID, first));
        assertEquals(first, acted.get(0).orkuid, "the answer names the recording that ended");
        assertEquals(1, f.stopped.size(), "the recording stops at once");
        assertTrue(f.tracker.stopRecording(new CallSelector(Key.ORKUID, first)).isEmpty(), "it is no longer live");
        call.talk(100, 250);
        call.hangUp(250);

        assertEquals(2, f.stopped.size());
        TapeDTO before = f.stopped.get(0);
        TapeDTO after = f.stopped.get(1);
        assertNotEquals(before.orkuid, after.orkuid);
        assertNotEquals(before.capturePort, after.capturePort, "a new tracking id, as Oreka gives the new session");
        assertEquals(packets(0, 100), f.journal(before));
        assertEquals(packets(100, 250), f.journal(after));
        assertEquals("alice", after.localParty, "the call's parties carry over");
        assertEquals(call.packetMicros(100) / 1000, after.startMillis);
        assertEquals(20L * 150 + 5, after.durationMillis, "from the first packet after the stop");
        assertEquals(100, f.summaries.get(0).side1Packets);
        assertEquals(150, f.summaries.get(1).side1Packets, "each recording counts its own packets");
    }

    @Test
    void withoutLookBackAStoppedCallWaitsForAnotherRecord() throws Exception {
        TrackerFixture f = new TrackerFixture(root, TrackerFixture.lanRules(), false);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 10);
        f.tracker.record(party("alice"), KeptSides.LOCAL);
        call.talk(10, 100);
        f.tracker.stopRecording(party("alice"));
        call.talk(100, 200);
        call.hangUp(200);

        assertEquals(2, f.stopped.size());
        assertEquals(packets(10, 100), f.journal(f.stopped.get(0)));
        assertEquals("local", f.stopped.get(0).side);
        assertTrue(f.kept.get(0));
        assertFalse(f.stopped.get(1).onDemand);
        assertEquals("both", f.stopped.get(1).side, "the new recording starts with the defaults");
        assertFalse(f.kept.get(1), "nothing asked for the audio after the stop");
    }

    @Test
    void sideLocalIsSetOnTheRecordingWithItsLocalSide() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 50);
        f.tracker.record(party("alice"), KeptSides.LOCAL);
        Properties sidecar = new Properties();
        try (var in = Files.newInputStream(f.state.resolve(f.started.get(0).orkuid + ".tape"))) {
            sidecar.load(in);
        }
        assertEquals("local", sidecar.getProperty("side"), "a recovery after a crash keeps one side too");
        call.talk(50, 100);
        call.hangUp(100);
        TapeDTO tape = f.stopped.get(0);
        assertEquals("local", f.updated.get(0).side);
        assertEquals("local", tape.side);
        assertEquals("side1", tape.localSide, "BatchProcessing keeps side 1, alice's");
        assertTrue(tape.onDemand);
        assertEquals(packets(0, 100), f.journal(tape), "in lookback mode the whole call was kept already");
    }

    @Test
    void aRecordingThatKeepsNoSideIsNotKept() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 50);
        f.tracker.record(party("alice"), KeptSides.NONE);
        call.hangUp(50);
        assertEquals("none", f.stopped.get(0).side);
        assertFalse(f.kept.get(0));
    }

    @Test
    void aPartyMatchesCallsWhereItIsLocalBeforeThoseWhereItIsRemote() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall local = aliceCallsBob(f);
        ScriptedCall remote = new ScriptedCall(f, "call-2", "carol", "alice", "10.0.0.3", "10.0.0.4", T0);
        local.talk(0, 10);
        remote.talk(0, 10);
        assertEquals(List.of("call-1"), f.tracker.pause(party("ALICE")).stream().map(s -> s.nativeCallId).toList());
        assertEquals(List.of("call-2"), f.tracker.pause(party("carol")).stream().map(s -> s.nativeCallId).toList());
        assertEquals(List.of("call-1"), f.tracker.pause(party("bob")).stream().map(s -> s.nativeCallId).toList(),
                "bob is nowhere local, so the call where he is remote");
    }

    @Test
    void commandsThatMatchNothingActOnNothing() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 50);
        assertTrue(f.tracker.pause(party("5002")).isEmpty());
        assertTrue(f.tracker.record(new CallSelector(Key.ORKUID, "20231114_221320_ZZZZ"), KeptSides.BOTH).isEmpty());
        assertTrue(f.tracker.stopRecording(new CallSelector(Key.NATIVE_CALL_ID, "call-2")).isEmpty());
        assertTrue(f.updated.isEmpty());
        call.talk(50, 100);
        call.hangUp(100);
        assertEquals(1, f.stopped.size());
        assertEquals(packets(0, 100), f.journal(f.stopped.get(0)), "the call was not touched");
        assertTrue(f.marks(f.stopped.get(0)).isEmpty());
    }

    @Test
    void resumeActsOnlyOnPausedCallsAndRecordResumesToo() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 10);
        f.tracker.resume(party("alice"));
        f.tracker.pause(party("alice"));
        f.tracker.pause(party("alice"));
        call.talk(10, 20);
        SessionDTO resumed = f.tracker.record(party("alice"), KeptSides.BOTH).get(0);
        assertFalse(resumed.paused);
        assertTrue(resumed.recording);
        call.talk(20, 30);
        call.hangUp(30);
        List<String> expected = packets(0, 10);
        expected.addAll(packets(20, 30));
        assertEquals(expected, f.journal(f.stopped.get(0)));
        assertEquals(2, f.marks(f.stopped.get(0)).size(), "one pause, one resume: repeated commands change nothing");
    }
}
