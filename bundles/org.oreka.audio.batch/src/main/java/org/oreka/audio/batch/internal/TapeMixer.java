package org.oreka.audio.batch.internal;

import java.io.IOException;
import java.util.Arrays;

import org.oreka.sdk.storage.AudioFileWriter;

/**
 * Assembles the two sides of a recording into the output file through a sliding window: samples are copied to
 * their timeline positions (overwriting, so a duplicated packet never doubles the sound), gaps stay silent, and
 * the window is flushed to the writer as the timeline moves on. Mono output is the saturated sum of the two
 * channels.
 */
final class TapeMixer {

    /** Window length in samples per channel: 16 s at 8 kHz, longer than any jitter or reordering. */
    private static final int WINDOW = 1 << 17;
    private static final int MASK = WINDOW - 1;

    private final AudioFileWriter writer;
    private final int outputChannels;
    /** A thread's windows, silent again after a finished mix, for the next tape (they are 512 KB). */
    private static final ThreadLocal<short[][]> SPARE_RINGS = new ThreadLocal<>();

    private final short[][] rings;
    private final short[] out;
    private long flushed;
    private long end;
    private long latePackets;

    TapeMixer(AudioFileWriter writer, int outputChannels) {
        this.writer = writer;
        this.outputChannels = outputChannels;
        this.out = new short[8192 * outputChannels];
        short[][] spare = SPARE_RINGS.get();
        SPARE_RINGS.remove();
        this.rings = spare != null ? spare : new short[][] {new short[WINDOW], new short[WINDOW]};
    }

    /**
     * Puts samples of one channel at a timeline position.
     *
     * @param channel 0 or 1
     */
    void put(int channel, long position, short[] samples, int count) throws IOException {
        if (position < flushed) {
            latePackets++;
            return;
        }
        long packetEnd = position + count;
        if (packetEnd - flushed > WINDOW) {
            flushTo(packetEnd - WINDOW);
        }
        short[] ring = rings[channel];
        int slot = (int) (position & MASK);
        int first = Math.min(count, WINDOW - slot);
        System.arraycopy(samples, 0, ring, slot, first);
        System.arraycopy(samples, first, ring, 0, count - first);
        end = Math.max(end, packetEnd);
    }

    /**
     * Decodes a payload straight into the window when it fits there without wrapping, saving a copy.
     *
     * @return the number of samples placed, or -1 when the caller must decode elsewhere and {@link #put} them
     */
    int decodeInto(int channel, long position, org.oreka.sdk.codec.AudioDecoder decoder, byte[] payload, int offset,
            int length) throws IOException {
        int max = decoder.maxSamples(length);
        if (position < flushed) {
            latePackets++;
            return 0;
        }
        int slot = (int) (position & MASK);
        if (slot + max > WINDOW) {
            return -1;
        }
        if (position + max - flushed > WINDOW) {
            flushTo(position + max - WINDOW);
        }
        int count = decoder.decode(payload, offset, length, rings[channel], slot);
        if (count > 0) {
            end = Math.max(end, position + count);
        }
        return Math.max(count, 0);
    }

    /** Writes everything up to the last sample placed. */
    void finish() throws IOException {
        flushTo(end);
        // Every slot written has now been flushed and cleared.
        SPARE_RINGS.set(rings);
    }

    /** Output length in samples per channel. */
    long length() {
        return end;
    }

    long latePackets() {
        return latePackets;
    }

    private void flushTo(long position) throws IOException {
        short[] left = rings[0];
        short[] right = rings[1];
        while (flushed < position) {
            int slot = (int) (flushed & MASK);
            // One contiguous run of the ring at a time, at most one output buffer long.
            int frames = (int) Math.min(Math.min(out.length / outputChannels, position - flushed), WINDOW - slot);
            if (outputChannels == 2) {
                for (int i = 0; i < frames; i++) {
                    out[i * 2] = left[slot + i];
                    out[i * 2 + 1] = right[slot + i];
                }
            } else {
                for (int i = 0; i < frames; i++) {
                    int sum = left[slot + i] + right[slot + i];
                    out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
                }
            }
            Arrays.fill(left, slot, slot + frames, (short) 0);
            Arrays.fill(right, slot, slot + frames, (short) 0);
            writer.write(out, 0, frames);
            flushed += frames;
        }
    }
}
