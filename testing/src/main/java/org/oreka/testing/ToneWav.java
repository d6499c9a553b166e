package org.oreka.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM WAV files of pure tones, one after the other, as test recordings. */
public final class ToneWav {

    private ToneWav() {
    }

    /**
     * Writes {@code secondsEach} of each frequency in {@code toneHz}, in turn, at {@code sampleRate}, half of full
     * scale, creating the folders.
     */
    public static Path write(Path file, int sampleRate, double secondsEach, double... toneHz) throws IOException {
        int framesEach = (int) Math.round(sampleRate * secondsEach);
        int dataBytes = framesEach * toneHz.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157); // RIFF size WAVE
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1); // fmt, PCM, mono
        b.putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataBytes); // data
        for (double hz : toneHz) {
            for (int i = 0; i < framesEach; i++) {
                b.putShort((short) Math.round(16384 * Math.sin(2 * Math.PI * hz * i / sampleRate)));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, b.array());
        return file;
    }
}
