package org.oreka.audio.livestream.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioCodecs;
import org.oreka.sdk.codec.AudioDecoder;
import org.oreka.sdk.codec.PayloadFormat;
import org.oreka.sdk.codec.Resampler;

/**
 * Turns the RTP payloads of a call's two sides into one 8 kHz 16-bit little-endian PCM stream: both sides mixed
 * (mono) or side 1 left and side 2 right (stereo). Each side is placed on its own RTP clock: lost packets become
 * silence, late and repeated ones are dropped, a jump of more than a second starts the side afresh. Output waits
 * until both sides have audio for the same stretch, except that a side silent for longer than {@link #SIDE_WAIT}
 * samples (one-way audio, silence suppression) is taken as silence. Not thread-safe: one listener's thread uses it.
 */
final class LiveMixer {

    static final int RATE = 8000;
    /** How far one side may run ahead of a silent other side (samples): 400 ms. */
    static final int SIDE_WAIT = RATE * 4 / 10;
    /** The most audio a side holds before output (samples): 2 s. */
    private static final int SIDE_CAPACITY = RATE * 2;
    /** The longest gap filled with silence (samples of the RTP clock rate are scaled): 1 s. */
    private static final int LONGEST_GAP = RATE;

    private final Function<PayloadFormat, AudioCodec> codecs;
    private final boolean stereo;
    private final Side[] sides = {new Side(), new Side()};
    private final Set<String> missingCodecs = new TreeSet<>();

    /**
     * @param codecs the installed codec of a payload format, or null
     * @param stereo whether each side gets its own channel
     */
    LiveMixer(Function<PayloadFormat, AudioCodec> codecs, boolean stereo) {
        this.codecs = codecs;
        this.stereo = stereo;
    }

    /** The encodings that arrived without an installed codec (their audio is left out). */
    Set<String> missingCodecs() {
        return missingCodecs;
    }

    /** Adds one payload of side 1 or 2. */
    void add(int sideNumber, int payloadType, String rtpmap, long rtpTimestamp, byte[] payload) {
        if (sideNumber != 1 && sideNumber != 2) {
            return;
        }
        sides[sideNumber - 1].add(payloadType, rtpmap, rtpTimestamp & 0xFFFFFFFFL, payload);
    }

    /**
     * Takes the PCM ready for output: the stretch both sides have, or more when one side waits for a silent other.
     *
     * @param end whether the call ended, so everything held is output
     * @return little-endian 16-bit samples, interleaved in stereo; empty when nothing is ready
     */
    byte[] drain(boolean end) {
        int a = sides[0].held;
        int b = sides[1].held;
        int count = Math.min(a, b);
        if (end || Math.max(a, b) - count > SIDE_WAIT) {
            count = end ? Math.max(a, b) : Math.max(a, b) - SIDE_WAIT;
        }
        if (count <= 0) {
            return new byte[0];
        }
        byte[] out = new byte[count * 2 * (stereo ? 2 : 1)];
        int o = 0;
        for (int i = 0; i < count; i++) {
            int left = sides[0].take(i);
            int right = sides[1].take(i);
            if (stereo) {
                o = put(out, o, left);
                o = put(out, o, right);
            } else {
                o = put(out, o, Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, left + right)));
            }
        }
        sides[0].consume(count);
        sides[1].consume(count);
        return out;
    }

    private static int put(byte[] out, int o, int sample) {
        out[o] = (byte) sample;
        out[o + 1] = (byte) (sample >> 8);
        return o + 2;
    }

    /** Frees the sides' decoders (a native codec's state) once the listener is done. */
    void close() {
        for (Side side : sides) {
            AudioCodecs.release(side.decoder);
        }
    }

    /** One side: its decoder, its place on its RTP clock, and the 8 kHz samples waiting for output. */
    private final class Side {
        private final short[] pcm = new short[SIDE_CAPACITY];
        private int held;
        private int payloadType = -1;
        private AudioDecoder decoder;
        private Resampler resampler;
        private int codecRate;
        private int clockRate;
        private long expectedTimestamp = -1;
        /** How far the output has gone past this side's audio (samples output as silence for it). */
        private long behind;
        private short[] decoded = new short[0];
        private short[] resampled = new short[0];

        void add(int type, String rtpmap, long timestamp, byte[] payload) {
            if (type != payloadType) {
                payloadType = type;
                AudioCodecs.release(decoder);
                PayloadFormat format = PayloadFormat.of(type, rtpmap);
                AudioCodec codec = codecs.apply(format);
                decoder = codec == null ? null : codec.newDecoder();
                if (codec == null) {
                    missingCodecs.add(format.name().isEmpty() ? "payload type " + type : format.name());
                } else {
                    codecRate = codec.sampleRate();
                    clockRate = format.clockRate();
                    resampler = new Resampler(codecRate, RATE);
                }
                expectedTimestamp = -1;
            }
            if (decoder == null) {
                return;
            }
            if (expectedTimestamp >= 0) {
                int ahead = (int) (timestamp - expectedTimestamp);
                if (ahead < 0) {
                    return; // late or repeated
                }
                long gap = (long) ahead * RATE / clockRate;
                if (gap <= LONGEST_GAP) {
                    append(null, (int) gap);
                } else {
                    behind = 0; // a new start: placed at the output's current position
                }
            } else {
                behind = 0;
            }
            int max = decoder.maxSamples(payload.length);
            if (decoded.length < max) {
                decoded = new short[max];
            }
            int count = decoder.decode(payload, 0, payload.length, decoded, 0);
            if (count <= 0) {
                return;
            }
            expectedTimestamp = (timestamp + (long) count * clockRate / codecRate) & 0xFFFFFFFFL;
            int needed = resampler.maxOutput(count);
            if (resampled.length < needed) {
                resampled = new short[needed];
            }
            append(resampled, resampler.convert(decoded, count, resampled));
        }

        /**
         * Appends samples (silence when {@code samples} is null). Samples for a stretch already output (as silence,
         * while this side was waited for no longer) are dropped; the oldest are dropped when the side is full.
         */
        private void append(short[] samples, int count) {
            int late = (int) Math.min(behind, count);
            behind -= late;
            count -= late;
            if (samples != null && late > 0) {
                System.arraycopy(samples, late, samples, 0, count);
            }
            int room = SIDE_CAPACITY - held;
            if (count > room) {
                consume(Math.min(held, count - room));
                count = Math.min(count, SIDE_CAPACITY);
            }
            if (samples == null) {
                java.util.Arrays.fill(pcm, held, held + count, (short) 0);
            } else {
                System.arraycopy(samples, 0, pcm, held, count);
            }
            held += count;
        }

        /** Sample {@code i} of those held, or silence past them. */
        int take(int i) {
            return i < held ? pcm[i] : 0;
        }

        /** Removes {@code count} samples that were output; those beyond the held ones were output as silence. */
        void consume(int count) {
            int used = Math.min(count, held);
            behind += count - used;
            System.arraycopy(pcm, used, pcm, 0, held - used);
            held -= used;
        }
    }
}
