package org.oreka.audio.codec.gsm.internal;

import java.util.Arrays;

import org.oreka.sdk.codec.AudioDecoder;

/**
 * Decodes the GSM 06.10 payloads of one stream (RFC 3551: whole 33-byte frames of 20 ms). A frame that is cut
 * short or lacks GSM's signature decodes to 20 ms of silence, so a damaged packet keeps its place in time.
 */
final class GsmDecoder implements AudioDecoder, AutoCloseable {

    static final int FRAME_BYTES = 33;
    static final int FRAME_SAMPLES = 160;

    private final GsmState state;
    private final byte[] frame = new byte[FRAME_BYTES];
    private final short[] samples = new short[FRAME_SAMPLES];

    GsmDecoder(GsmState state) {
        this.state = state;
    }

    @Override
    public int maxSamples(int payloadLength) {
        return frames(payloadLength) * FRAME_SAMPLES;
    }

    private static int frames(int payloadLength) {
        return payloadLength <= 0 ? 0 : (payloadLength + FRAME_BYTES - 1) / FRAME_BYTES;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        int frames = frames(length);
        if (offset < 0 || length > payload.length - offset) {
            Arrays.fill(pcm, pcmOffset, pcmOffset + frames * FRAME_SAMPLES, (short) 0);
            return frames * FRAME_SAMPLES;
        }
        for (int i = 0; i < frames; i++) {
            int at = pcmOffset + i * FRAME_SAMPLES;
            int start = offset + i * FRAME_BYTES;
            boolean whole = start + FRAME_BYTES <= offset + length;
            if (whole) {
                System.arraycopy(payload, start, frame, 0, FRAME_BYTES);
            }
            if (whole && state.decode(frame, samples)) {
                System.arraycopy(samples, 0, pcm, at, FRAME_SAMPLES);
            } else {
                Arrays.fill(pcm, at, at + FRAME_SAMPLES, (short) 0);
            }
        }
        return frames * FRAME_SAMPLES;
    }

    /** Frees the native decoder now rather than when this decoder is garbage. */
    @Override
    public void close() {
        state.close();
    }
}
