package org.oreka.audio.session.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oreka.audio.session.internal.TrackerFixture.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.audio.session.CallSelector;
import org.oreka.audio.session.CallSelector.Key;
import org.oreka.audio.session.LiveAudioSink;
import org.oreka.audio.session.LiveAudioTap;

/** Live audio taps on calls played into the session tracker. */
class LiveAudioTest {

    @TempDir
    Path root;

    /** What a sink heard: "side:rtpTimestamp" per payload, and how often the call ended. */
    private static final class Heard implements LiveAudioSink {
        final List<String> audio = new ArrayList<>();
        final List<byte[]> payloads = new ArrayList<>();
        int ended;

        @Override
        public void audio(int side, int payloadType, String rtpmap, long rtpTimestamp, byte[] payload, int offset,
                int length) {
            audio.add(side + ":" + rtpTimestamp);
            payloads.add(Arrays.copyOfRange(payload, offset, offset + length));
        }

        @Override
        public void ended() {
            ended++;
        }
    }

    private static ScriptedCall aliceCallsBob(TrackerFixture f) {
        return new ScriptedCall(f, "call-1", "alice", "bob", "10.0.0.1", "10.0.0.2", T0);
    }

    /** The payloads ScriptedCall sends for packets {@code from} to {@code to}, both ways. */
    private static List<String> packets(int from, int to) {
        List<String> heard = new ArrayList<>();
        for (int i = from; i < to; i++) {
            heard.add("1:" + 160 * i);
            heard.add("2:" + (8000 + 160 * i));
        }
        return heard;
    }

    @Test
    void aTapHearsEveryPayloadOfBothSidesFromItsStartUntilTheCallEnds() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 10);
        Heard heard = new Heard();
        LiveAudioTap tap = f.tracker.tap(new CallSelector(Key.PARTY, "alice"), heard).orElseThrow();
        assertEquals("alice", tap.call().localParty);
        call.talk(10, 20);
        assertEquals(packets(10, 20), heard.audio, "the audio from the tap on, side by side, in capture order");
        byte[] payload = heard.payloads.get(0);
        assertEquals(160, payload.length);
        assertEquals((byte) (10 + 12), payload[0], "the payload itself, not the RTP header");
        call.hangUp(20);
        assertEquals(1, heard.ended);
    }

    @Test
    void nothingIsHeardWhilePausedOrAfterTheTapCloses() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        ScriptedCall call = aliceCallsBob(f);
        call.talk(0, 5);
        String orkuid = f.started.get(0).orkuid;
        Heard heard = new Heard();
        LiveAudioTap tap = f.tracker.tap(new CallSelector(Key.ORKUID, orkuid), heard).orElseThrow();
        call.talk(5, 10);
        f.tracker.pause(new CallSelector(Key.PARTY, "alice"));
        call.talk(10, 20);
        f.tracker.resume(new CallSelector(Key.PARTY, "alice"));
        call.talk(20, 25);
        List<String> expected = packets(5, 10);
        expected.addAll(packets(20, 25));
        assertEquals(expected, heard.audio, "a paused stretch is not heard, as it is not recorded");
        tap.close();
        tap.close();
        call.talk(25, 30);
        call.hangUp(30);
        assertEquals(expected, heard.audio, "nothing after the tap closed");
        assertEquals(0, heard.ended, "a closed tap hears no end");
    }

    @Test
    void aCallNotRecordingIsHeardAndAnUnknownOneIsNotTapped() throws Exception {
        TrackerFixture f = new TrackerFixture(root);
        assertTrue(f.tracker.tap(new CallSelector(Key.PARTY, "alice"), new Heard()).isEmpty());
        ScriptedCall call = aliceCallsBob(f);
        Heard heard = new Heard();
        f.tracker.tap(new CallSelector(Key.PARTY, "bob"), heard).orElseThrow();
        f.tracker.stopRecording(new CallSelector(Key.PARTY, "alice"));
        call.talk(0, 3);
        assertEquals(packets(0, 3), heard.audio, "the call is heard before and between its recordings");
        assertTrue(f.tracker.tap(new CallSelector(Key.PARTY, "carol"), new Heard()).isEmpty());
    }
}
