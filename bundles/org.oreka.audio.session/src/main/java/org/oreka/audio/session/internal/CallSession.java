package org.oreka.audio.session.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oreka.audio.session.LiveAudioSink;

import org.oreka.audio.session.KeptSides;
import org.oreka.sdk.call.CallEvent.CallOffered;
import org.oreka.sdk.call.Party;

/** A call the tracker follows: its signalling, the media addresses it owns, its two sides and its recording. */
final class CallSession {

    /** The protocol of sessions found from RTP alone. */
    static final String RAW_RTP = "RTP";

    final String callId;
    final String protocol;
    /** Whether signalling created the session (decided once: it is asked for every packet). */
    private final boolean signalled;
    final String captureSource;
    final long createdMicros;
    final Set<MediaKey> addresses = new LinkedHashSet<>();
    /** Stream label of each announced address (SIPREC), so each labelled stream gets its own side. */
    final Map<MediaKey, String> labels = new HashMap<>();
    /** Labels in the order the offer listed them: the first is side 1. */
    final List<String> labelOrder = new ArrayList<>();
    /** Who speaks on each labelled stream (SIPREC participants). */
    final Map<String, Party> labelSenders = new HashMap<>();
    final Map<Integer, String> rtpmap = new HashMap<>();
    /** Per payload type (0-127): whether the signalling negotiated it, and whether it carries DTMF events. */
    final boolean[] negotiated = new boolean[128];
    final boolean[] telephoneEvent = new boolean[128];
    final Map<String, String> tags = new LinkedHashMap<>();
    final StreamSide side1 = new StreamSide(1);
    final StreamSide side2 = new StreamSide(2);
    final List<PendingPacket> pending = new ArrayList<>();
    final List<PendingDigit> pendingDigits = new ArrayList<>();
    /** Whether the protocol's legs share media addresses (each endpoint's leg is recorded). */
    boolean sharesMedia;
    CallOffered offer;
    CallParties parties;
    boolean onHold;
    /** Whether the called side answered (announced its media). */
    boolean answered;
    /** Capture time at which a call that said goodbye stops, or -1. */
    long endingAtMicros = -1;
    long rtpPackets;
    long alienPackets;
    long firstRtpMicros = -1;
    long lastRtpMicros;
    int lastPayloadType;
    int lastPayloadLength;
    TapeRecording tape;
    /** Set when the recording could not be written; the session still absorbs its packets. */
    boolean unrecordable;
    boolean stopped;

    // Recording control: what goes into the current recording (or the next one, before it starts).
    /** Whether audio packets are kept now: from the start with LookBackRecording, after a record command without. */
    boolean keepsAudio;
    /** Whether a pause command stopped keeping the audio. */
    boolean paused;
    /** Whether a record command asked for the recording. */
    boolean onDemand;
    KeptSides keptSides = KeptSides.BOTH;
    /** Live listeners of the call's audio (LiveAudio taps). */
    final List<LiveAudioSink> liveSinks = new ArrayList<>();
    /** Audio packets seen towards the start of the next recording, kept or not. */
    int packetsBeforeStart;
    /** Audio packets written into the current recording. */
    long keptPackets;
    /** Capture time the next or current recording covers from: its first RTP packet, or -1 before that. */
    long recordingFromMicros = -1;
    /** Each side's packets before the current recording, which a stop command started. */
    long side1PacketsBefore;
    long side2PacketsBefore;

    CallSession(String callId, String protocol, String captureSource, long createdMicros, boolean keepsAudio) {
        this.callId = callId;
        this.protocol = protocol;
        this.signalled = !RAW_RTP.equals(protocol);
        this.captureSource = captureSource;
        this.createdMicros = createdMicros;
        this.keepsAudio = keepsAudio;
    }

    boolean signalled() {
        return signalled;
    }

    boolean started() {
        return tape != null;
    }

    /** Capture time of the session's last sign of life. */
    long lastActivityMicros() {
        return firstRtpMicros < 0 ? createdMicros : lastRtpMicros;
    }

    /**
     * Records what the signalling calls a payload type.
     *
     * @return whether the mapping is new or changed
     */
    boolean map(int payloadType, String encoding) {
        if (payloadType >= 0 && payloadType < 128) {
            negotiated[payloadType] = true;
            telephoneEvent[payloadType] = encoding.regionMatches(true, 0, "telephone-event", 0, 15);
        }
        return !encoding.equals(rtpmap.put(payloadType, encoding));
    }

    /** The rtpmap encoding of a payload type from the signalling ({@code opus/48000/2}), or null when it did not name it. */
    String encoding(int payloadType) {
        return rtpmap.get(payloadType);
    }

    /** Whether the session has labelled streams (SIPREC), one per side. */
    boolean labelled() {
        return labelOrder.size() >= 2;
    }
}
