package org.oreka.audio.batch.internal;

/**
 * Places one side's RTP packets on the recording's timeline: the first packet lands where it arrived, later
 * ones where their RTP timestamps put them, so jitter never shifts audio. A new SSRC or a timestamp that
 * disagrees with the arrival time by more than 200 ms (a restarted stream, a stray packet, a jump after hold) re-anchors
 * the side at its arrival time.
 *
 * <p>A sender whose clock runs fast or slow would drift away from the capture clock, and from the other side,
 * over a long call. Like a playout buffer, the timeline watches the least delay of each second's packets
 * (jitter only ever adds delay) and, when it has moved by more than 20 ms, moves the anchor by that much:
 * a short silence is inserted or a moment of audio overwritten, and both sides stay with the capture clock.
 */
final class SideTimeline {

    private static final long REANCHOR_TOLERANCE_MICROS = 200_000;
    private static final long DRIFT_TOLERANCE_MICROS = 20_000;
    private static final int DRIFT_WINDOW_PACKETS = 50;

    private final int outputRate;
    private final long originMicros;
    private boolean anchored;
    private int anchorSsrc;
    private long anchorTimestamp;
    private long anchorPosition;
    private long lastUnwrapped;
    private long windowMinimumLag = Long.MAX_VALUE;
    private int windowPackets;

    SideTimeline(int outputRate, long originMicros) {
        this.outputRate = outputRate;
        this.originMicros = originMicros;
    }

    /**
     * The output sample position of a packet.
     *
     * @param rtpTimestamp the packet's 32-bit RTP timestamp
     * @param clockRate the payload format's RTP clock rate
     */
    long position(int ssrc, int rtpTimestamp, int clockRate, long arrivalMicros) {
        long arrivalPosition = Math.max(0, (arrivalMicros - originMicros) * outputRate / 1_000_000L);
        if (!anchored || ssrc != anchorSsrc) {
            return anchor(ssrc, rtpTimestamp, arrivalPosition);
        }
        long unwrapped = unwrap(rtpTimestamp);
        long position = anchorPosition + (unwrapped - anchorTimestamp) * outputRate / clockRate;
        long lag = arrivalPosition - position;
        if (Math.abs(lag) > REANCHOR_TOLERANCE_MICROS * outputRate / 1_000_000L) {
            return anchor(ssrc, rtpTimestamp, arrivalPosition);
        }
        windowMinimumLag = Math.min(windowMinimumLag, lag);
        if (++windowPackets >= DRIFT_WINDOW_PACKETS) {
            if (Math.abs(windowMinimumLag) > DRIFT_TOLERANCE_MICROS * outputRate / 1_000_000L) {
                anchorPosition += windowMinimumLag;
            }
            windowPackets = 0;
            windowMinimumLag = Long.MAX_VALUE;
        }
        return position;
    }

    private long anchor(int ssrc, int rtpTimestamp, long arrivalPosition) {
        anchored = true;
        anchorSsrc = ssrc;
        anchorTimestamp = rtpTimestamp & 0xffffffffL;
        lastUnwrapped = anchorTimestamp;
        anchorPosition = arrivalPosition;
        windowPackets = 0;
        windowMinimumLag = Long.MAX_VALUE;
        return arrivalPosition;
    }

    /** Extends the 32-bit timestamp past wrap-around, relative to the last one seen. */
    private long unwrap(int rtpTimestamp) {
        long delta = (int) (rtpTimestamp - (int) lastUnwrapped);
        lastUnwrapped += delta;
        return lastUnwrapped;
    }
}
