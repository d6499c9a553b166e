package org.oreka.audio.batch.internal;

import java.io.IOException;

import org.oreka.sdk.storage.AudioFileWriter;

/**
 * Assembles the two sides of a recording into the output file through a sliding window: samples are written
 * at their timeline positions (overwriting, so a duplicated packet never doubles the sound), gaps stay silent,
 * and the window is flushed to the writer as the timeline moves on. Mono output is the saturated sum of the
 * two channels.
 */
final class TapeMixer {

    /** Window length in samples per channel: 16 s at 8 kHz, longer than any jitter or reordering. */
    private static final int WINDOW = 1 << 17;

    private final AudioFileWriter writer;
    private final int outputChannels;
    private final short[] ring = new short[WINDOW * 2];
    private final short[] out;
    private long flushed;
    private long end;
    private long latePackets;

    TapeMixer(AudioFileWriter writer, int outputChannels) {
        this.writer = writer;
        this.outputChannels = outputChannels;
        this.out = new short[4096 * outputChannels];
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
        for (int i = 0; i < count; i++) {
            ring[(int) ((position + i) & (WINDOW - 1)) * 2 + channel] = samples[i];
        }
        end = Math.max(end, packetEnd);
    }

    /** Writes everything up to the last sample placed. */
    void finish() throws IOException {
        flushTo(end);
    }

    /** Output length in samples per channel. */
    long length() {
        return end;
    }

    long latePackets() {
        return latePackets;
    }

    private void flushTo(long position) throws IOException {
        while (flushed < position) {
            int frames = (int) Math.min(out.length / outputChannels, position - flushed);
            for (int i = 0; i < frames; i++) {
                int slot = (int) ((flushed + i) & (WINDOW - 1)) * 2;
                if (outputChannels == 2) {
                    out[i * 2] = ring[slot];
                    out[i * 2 + 1] = ring[slot + 1];
                } else {
                    int sum = ring[slot] + ring[slot + 1];
                    out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
                }
                ring[slot] = 0;
                ring[slot + 1] = 0;
            }
            writer.write(out, 0, frames);
            flushed += frames;
        }
    }
}
