package org.oreka.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a 16-bit PCM WAV file and measures it: its length and, per channel, the dominant frequency (from zero
 * crossings, exact enough for the pure tones of {@link CallCaptureWriter}) and loudness.
 */
public final class WavTones {

    /**
     * What a WAV holds.
     *
     * @param toneHz per channel, the frequency of its tone over the loud part, 0 when silent
     * @param rms per channel, the root mean square of its samples (full scale 32768)
     */
    public record Measurement(int channels, int sampleRate, long frames, double[] toneHz, double[] rms) {
        public double seconds() {
            return (double) frames / sampleRate;
        }
    }

    private WavTones() {
    }

    private static short sample(ByteBuffer b, int dataOffset, int channels, int channel, long frame) {
        return b.getShort(dataOffset + (int) (frame * channels + channel) * 2);
    }

    /** A WAV file's bytes and where its 16-bit samples are. */
    private record Layout(ByteBuffer b, int channels, int rate, int dataOffset, int dataLength) {
    }

    private static Layout layout(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(wav + " is not a WAV file");
        }
        int channels = 0;
        int rate = 0;
        int dataOffset = -1;
        int dataLength = 0;
        for (int pos = 12; pos + 8 <= b.limit();) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) {
                if (b.getShort(pos + 8) != 1 || b.getShort(pos + 22) != 16) {
                    throw new IOException(wav + " is not 16-bit PCM");
                }
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
            } else if (id == 0x61746164) {
                dataOffset = pos + 8;
                // A stream's header gives no length (0xFFFFFFFF): the data runs to the end.
                dataLength = size < 0 ? b.limit() - dataOffset : Math.min(size, b.limit() - dataOffset);
                break;
            }
            pos += 8 + size + (size & 1);
        }
        if (channels == 0 || dataOffset < 0) {
            throw new IOException(wav + " has no fmt or data chunk");
        }
        return new Layout(b, channels, rate, dataOffset, dataLength);
    }

    /** The samples of one channel (0 first) of a 16-bit PCM WAV file. */
    public static short[] samples(Path wav, int channel) throws IOException {
        Layout layout = layout(wav);
        if (channel < 0 || channel >= layout.channels()) {
            throw new IOException(wav + " has no channel " + channel);
        }
        short[] samples = new short[layout.dataLength() / (2 * layout.channels())];
        for (int f = 0; f < samples.length; f++) {
            samples[f] = sample(layout.b(), layout.dataOffset(), layout.channels(), channel, f);
        }
        return samples;
    }

    public static Measurement measure(Path wav) throws IOException {
        Layout layout = layout(wav);
        ByteBuffer b = layout.b();
        int channels = layout.channels();
        int rate = layout.rate();
        int dataOffset = layout.dataOffset();
        int dataLength = layout.dataLength();
        long frames = dataLength / (2L * channels);
        double[] tone = new double[channels];
        double[] rms = new double[channels];
        int block = Math.max(1, rate / 50);
        for (int c = 0; c < channels; c++) {
            double energy = 0;
            long crossings = 0;
            long activeFrames = 0;
            // Frequency from zero crossings inside 20 ms blocks that carry sound, so silences do not count.
            for (long start = 0; start < frames; start += block) {
                long end = Math.min(frames, start + block);
                double blockEnergy = 0;
                long blockCrossings = 0;
                short previous = sample(b, dataOffset, channels, c, Math.max(0, start - 1));
                for (long f = start; f < end; f++) {
                    short s = sample(b, dataOffset, channels, c, f);
                    blockEnergy += (double) s * s;
                    if (f > 0 && ((previous < 0 && s >= 0) || (previous >= 0 && s < 0))) {
                        blockCrossings++;
                    }
                    previous = s;
                }
                energy += blockEnergy;
                if (Math.sqrt(blockEnergy / (end - start)) > 100) {
                    crossings += blockCrossings;
                    activeFrames += end - start;
                }
            }
            rms[c] = frames == 0 ? 0 : Math.sqrt(energy / frames) / 32768.0;
            tone[c] = activeFrames == 0 ? 0 : crossings / 2.0 / ((double) activeFrames / rate);
        }
        return new Measurement(channels, rate, frames, tone, rms);
    }
}
