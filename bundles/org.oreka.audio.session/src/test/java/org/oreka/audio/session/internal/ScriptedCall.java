package org.oreka.audio.session.internal;

import static org.oreka.audio.session.internal.TrackerFixture.invite;
import static org.oreka.audio.session.internal.TrackerFixture.media;

import java.util.List;

import org.oreka.sdk.call.CallEvent;
import org.oreka.sdk.call.MediaMode;

/**
 * A two-way SIP call a test plays into the tracker step by step: the INVITE and its answer, then 20 ms G.711
 * packets both ways (the caller's sequence numbers from 0, the callee's from 500), then the BYE.
 */
final class ScriptedCall {

    final String callId;
    private final TrackerFixture fixture;
    private final String callerMedia;
    private final String calleeMedia;
    private final long startMicros;

    /** Sets the call up: {@code caller} at {@code callerIp} calls {@code callee} at {@code calleeIp}. */
    ScriptedCall(TrackerFixture fixture, String callId, String caller, String callee, String callerIp, String calleeIp,
            long startMicros) {
        this.fixture = fixture;
        this.callId = callId;
        this.callerMedia = callerIp + ":10000";
        this.calleeMedia = calleeIp + ":20000";
        this.startMicros = startMicros;
        fixture.event(invite(callId, caller, callee, callerIp + ":5060", calleeIp + ":5060", startMicros,
                media(callerMedia, MediaMode.SENDRECV)));
        fixture.event(new CallEvent.MediaAnnounced(callId, startMicros + 1000, TrackerFixture.socket(calleeIp + ":5060"),
                List.of(media(calleeMedia, MediaMode.SENDRECV))));
    }

    /** Capture time of the caller's packet {@code i}; the callee's follows 5 ms later. */
    long packetMicros(int i) {
        return startMicros + 100_000 + 20_000L * i;
    }

    /** Packets {@code from} (inclusive) to {@code to} (exclusive), both ways. */
    void talk(int from, int to) {
        for (int i = from; i < to; i++) {
            fixture.rtp(callerMedia, calleeMedia, 0, i, 160 * i, 1, packetMicros(i), 160);
            fixture.rtp(calleeMedia, callerMedia, 0, 500 + i, 8000 + 160 * i, 2, packetMicros(i) + 5_000, 160);
        }
    }

    /** The BYE, where packet {@code i} would have been. */
    void hangUp(int i) {
        fixture.bye(callId, packetMicros(i));
    }
}
