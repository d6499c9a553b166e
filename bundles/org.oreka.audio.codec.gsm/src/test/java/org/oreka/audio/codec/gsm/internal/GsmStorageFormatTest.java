package org.oreka.audio.codec.gsm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oreka.sdk.storage.AudioFileWriter;
import org.oreka.testing.FailingFileChannel;
import org.oreka.testing.FfProbe;
import org.oreka.testing.Pcm;
import org.oreka.testing.RtpPayloads;

/** Writes GSM 6.10 WAV files that ffmpeg reads back as gsm_ms with the tone and length written. */
class GsmStorageFormatTest {

    @TempDir
    Path folder;

    private final GsmStorageFormat format = new GsmStorageFormat();

    @Test
    void monoToneComesBackFromFfmpegAtItsPitchAndLength() throws Exception {
        Path file = folder.resolve("mono.wav");
        int samples = 8000 * 3 + 17;
        try (AudioFileWriter writer = format.create(file, 8000, 1)) {
            short[] tone = tone(samples, 1, 440, 0);
            // Odd write sizes, so blocks are assembled across calls.
            for (int at = 0; at < samples; at += Math.min(77, samples - at)) {
                writer.write(tone, at, Math.min(77, samples - at));
            }
        }
        assertEquals(".wav", format.extension());
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int blocks = (samples + 319) / 320;
        assertEquals(0x31, header.getShort(20), "format tag WAVE_FORMAT_GSM610");
        assertEquals(1, header.getShort(22));
        assertEquals(65, header.getShort(32), "block align");
        assertEquals(320, header.getShort(38), "samples per block");
        assertEquals(samples, header.getInt(48), "fact: the samples written, not the padding");
        assertEquals(blocks * 65, header.getInt(56));
        assertEquals(60 + blocks * 65 + (blocks & 1), Files.size(file), "data and its pad byte");
        assertEquals(header.capacity() - 8, header.getInt(4));

        FfProbe.Audio audio = FfProbe.probe(file);
        assertEquals("gsm_ms", audio.codec());
        assertEquals(samples / 8000.0, audio.seconds(), 0.05);
        short[] decoded = RtpPayloads.ffmpegDecode(Files.readAllBytes(file));
        assertEquals(440, frequency(decoded, 800, 8000 * 3 - 800), 5);
        assertTrue(Pcm.rms(decoded) > 3000, "loud tone, rms " + Pcm.rms(decoded));
    }

    @Test
    void stereoIsMixedToOnePlayableChannel() throws Exception {
        Path file = folder.resolve("stereo.wav");
        try (AudioFileWriter writer = format.create(file, 8000, 2)) {
            short[] pcm = tone(16000, 2, 1000, 0);
            writer.write(pcm, 0, 16000);
        }
        FfProbe.Audio audio = FfProbe.probe(file);
        assertEquals("gsm_ms", audio.codec());
        assertEquals(2.0, audio.seconds(), 0.05);
        short[] decoded = RtpPayloads.ffmpegDecode(Files.readAllBytes(file));
        assertEquals(1000, frequency(decoded, 800, 15000), 10, "the left side's tone is in the mix");
    }

    @Test
    void aRecordingCutShortByACrashPlaysUpToTheLastFlush() throws Exception {
        Path file = folder.resolve("long.wav");
        Path crashed = folder.resolve("crashed.wav");
        short[] tone = tone(8000, 1, 440, 0);
        try (AudioFileWriter writer = format.create(file, 8000, 1)) {
            for (int second = 0; second < 45; second++) {
                writer.write(tone, 0, 8000);
            }
            // What the disk holds if the recorder dies now: the header describes every flushed block.
            Files.copy(file, crashed);
        }
        double flushed = Wav49FileWriter.BLOCKS_PER_FLUSH * 320 / 8000.0;
        FfProbe.Audio partial = FfProbe.probe(crashed);
        assertEquals("gsm_ms", partial.codec());
        assertEquals(flushed, partial.seconds(), 0.001);
        assertEquals(45.0, FfProbe.probe(file).seconds(), 0.05);
    }

    @Test
    void aFullDiskKeepsTheBlocksThatReachedIt() throws Exception {
        Path file = folder.resolve("full-disk.wav");
        int flushedBytes = Wav49FileWriter.BLOCKS_PER_FLUSH * 65;
        FileChannel channel = new FailingFileChannel(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 60 + flushedBytes + 1000);
        AudioFileWriter writer = Wav49FileWriter.start(file, channel, 1);
        short[] tone = tone(3 * Wav49FileWriter.BLOCKS_PER_FLUSH * 320, 1, 440, 0);
        assertThrows(IOException.class, () -> writer.write(tone, 0, tone.length), "the second flush does not fit");
        assertThrows(IOException.class, () -> writer.write(tone, 0, 1), "nothing is written after a failure");
        writer.close();

        assertEquals(60 + flushedBytes, Files.size(file), "the partial buffer is cut off");
        FfProbe.Audio audio = FfProbe.probe(file);
        assertEquals("gsm_ms", audio.codec());
        assertEquals(Wav49FileWriter.BLOCKS_PER_FLUSH * 320 / 8000.0, audio.seconds(), 0.001);
    }

    @Test
    void refusesWhatGsmCannotStore() {
        assertThrows(IllegalArgumentException.class, () -> format.create(folder.resolve("a.wav"), 16000, 1));
        assertThrows(IllegalArgumentException.class, () -> format.create(folder.resolve("b.wav"), 8000, 3));
    }

    @Test
    void anEmptyRecordingIsAValidFile() throws Exception {
        Path file = folder.resolve("empty.wav");
        format.create(file, 8000, 1).close();
        assertEquals(60, Files.size(file));
        assertEquals(0.0, FfProbe.probe(file).seconds(), 0.001);
    }

    /** Interleaved samples with a tone on the first channel and silence on the others. */
    private static short[] tone(int frames, int channels, double hz, int silentFrom) {
        short[] pcm = new short[frames * channels];
        for (int i = 0; i < frames; i++) {
            pcm[i * channels] = (short) (12000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return pcm;
    }

    /** The pitch by zero crossings between two sample indexes. */
    static double frequency(short[] pcm, int from, int to) {
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / ((to - from) / 8000.0);
    }
}
