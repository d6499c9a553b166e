package org.oreka.audio.livestream.internal;

/**
 * The header of a WAV stream of unknown length (16-bit PCM): sizes at their largest, which players read as "until
 * the stream ends", so that a browser's audio element plays live audio.
 */
final class StreamingWavHeader {

    private static final int UNKNOWN = 0xFFFFFFFF;

    private StreamingWavHeader() {
    }

    static byte[] of(int sampleRate, int channels) {
        byte[] h = new byte[44];
        ascii(h, 0, "RIFF");
        int32(h, 4, UNKNOWN);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        int32(h, 16, 16);
        int16(h, 20, 1);
        int16(h, 22, channels);
        int32(h, 24, sampleRate);
        int32(h, 28, sampleRate * channels * 2);
        int16(h, 32, channels * 2);
        int16(h, 34, 16);
        ascii(h, 36, "data");
        int32(h, 40, UNKNOWN);
        return h;
    }

    private static void ascii(byte[] h, int at, String text) {
        for (int i = 0; i < 4; i++) {
            h[at + i] = (byte) text.charAt(i);
        }
    }

    private static void int16(byte[] h, int at, int value) {
        h[at] = (byte) value;
        h[at + 1] = (byte) (value >> 8);
    }

    private static void int32(byte[] h, int at, int value) {
        int16(h, at, value);
        int16(h, at + 2, value >> 16);
    }
}
