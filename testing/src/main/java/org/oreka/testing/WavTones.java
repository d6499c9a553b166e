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

    public static Measurement measure(Path wav) throws IOException {
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
                dataLength = Math.min(size, b.limit() - dataOffset);
                break;
            }
            pos += 8 + size + (size & 1);
        }
        if (channels == 0 || dataOffset < 0) {
            throw new IOException(wav + " has no fmt or data chunk");
        }
        long frames = dataLength / (2L * channels);
        double[] tone = new double[channels];
        double[] rms = new double[channels];
        for (int c = 0; c < channels; c++) {
            double energy = 0;
            long crossings = 0;
            long loud = 0;
            short previous = 0;
            for (long f = 0; f < frames; f++) {
                short s = b.getShort(dataOffset + (int) (f * channels + c) * 2);
                energy += (double) s * s;
                if (s != 0) {
                    loud++;
                }
                if ((previous < 0 && s >= 0) || (previous >= 0 && s < 0)) {
                    crossings++;
                }
                previous = s;
            }
            rms[c] = frames == 0 ? 0 : Math.sqrt(energy / frames) / 32768.0;
            tone[c] = loud == 0 ? 0 : crossings / 2.0 / ((double) loud / rate);
        }
        return new Measurement(channels, rate, frames, tone, rms);
    }
}
