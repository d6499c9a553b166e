package org.oreka.audio.session.internal;

/** What the tracker has seen, for {@code oreka:replay} summaries and the shell. */
public final class TrackerCounters {
    public long packets;
    public long rtpPackets;
    public long signallingPackets;
    public long otherPackets;
    public long decoderErrors;
    public long calls;
    public long recordings;
    public long recordingErrors;
    public long dtmfDigits;

    TrackerCounters copy() {
        TrackerCounters c = new TrackerCounters();
        c.packets = packets;
        c.rtpPackets = rtpPackets;
        c.signallingPackets = signallingPackets;
        c.otherPackets = otherPackets;
        c.decoderErrors = decoderErrors;
        c.calls = calls;
        c.recordings = recordings;
        c.recordingErrors = recordingErrors;
        c.dtmfDigits = dtmfDigits;
        return c;
    }

    /** The counts since {@code earlier}. */
    TrackerCounters minus(TrackerCounters earlier) {
        TrackerCounters c = new TrackerCounters();
        c.packets = packets - earlier.packets;
        c.rtpPackets = rtpPackets - earlier.rtpPackets;
        c.signallingPackets = signallingPackets - earlier.signallingPackets;
        c.otherPackets = otherPackets - earlier.otherPackets;
        c.decoderErrors = decoderErrors - earlier.decoderErrors;
        c.calls = calls - earlier.calls;
        c.recordings = recordings - earlier.recordings;
        c.recordingErrors = recordingErrors - earlier.recordingErrors;
        c.dtmfDigits = dtmfDigits - earlier.dtmfDigits;
        return c;
    }
}
