package org.oreka.audio.storage.wav.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oreka.audio.codec.g711.G711;
import org.oreka.testing.FailingFileChannel;
import org.oreka.sdk.storage.AudioFileWriter;
import org.oreka.sdk.storage.StorageFormat;

/** Writes WAV recordings in every format and reads them back with Java Sound and byte by byte. */
class WavStorageFormatTest {

    private static final int RATE = 8000;

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({ "pcmwav,1", "pcmwav,2", "ulaw,1", "ulaw,2", "alaw,1", "alaw,2" })
    void tonesReadBackThroughJavaSound(String formatName, int channels) throws Exception {
        // 20 s of stereo PCM is 640 KB: several buffer flushes, and a last partial block.
        int frames = 20 * RATE + 77;
        short[] pcm = tones(frames, channels);
        Path file = folder.resolve(formatName + channels + ".wav");
        try (AudioFileWriter writer = format(formatName).create(file, RATE, channels)) {
            writeInUnevenPieces(writer, pcm, frames, channels);
        }

        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            assertEquals(expectedEncoding(formatName), format.getEncoding());
            assertEquals(RATE, format.getSampleRate());
            assertEquals(channels, format.getChannels());
            assertEquals(formatName.equals("pcmwav") ? 16 : 8, format.getSampleSizeInBits());
            assertEquals(frames, in.getFrameLength());
            short[] read = readAsPcm(in);
            assertArrayEquals(expectedSamples(formatName, pcm), read);
        }
    }

    @Test
    void pcmHeaderFieldsByteByByte() throws IOException {
        Path file = folder.resolve("pcm.wav");
        try (AudioFileWriter writer = new PcmWavStorageFormat().create(file, RATE, 2)) {
            writer.write(new short[] { 1, -1, 0x1234, -0x1234 }, 0, 2);
        }
        ByteBuffer expected = littleEndian(44 + 8)
                .put(ascii("RIFF")).putInt(36 + 8).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4)
                .putShort((short) 4).putShort((short) 16)
                .put(ascii("data")).putInt(8)
                .putShort((short) 1).putShort((short) -1).putShort((short) 0x1234).putShort((short) -0x1234);
        assertArrayEquals(expected.array(), Files.readAllBytes(file));
    }

    @Test
    void g711HeadersCarryWaveFormatExAndFact() throws IOException {
        Path ulaw = folder.resolve("ulaw.wav");
        try (AudioFileWriter writer = new UlawWavStorageFormat().create(ulaw, RATE, 2)) {
            writer.write(new short[] { 0, 32767, -32768, 0 }, 0, 2);
        }
        assertArrayEquals(g711File(7, 2, 2, new byte[] { (byte) 0xFF, (byte) 0x80, 0x00, (byte) 0xFF }),
                Files.readAllBytes(ulaw));

        Path alaw = folder.resolve("alaw.wav");
        try (AudioFileWriter writer = new AlawWavStorageFormat().create(alaw, 16000, 1)) {
            writer.write(new short[] { 0, 32767 }, 0, 2);
        }
        ByteBuffer expected = littleEndian(58 + 2)
                .put(ascii("RIFF")).putInt(50 + 2).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(18)
                .putShort((short) 6).putShort((short) 1).putInt(16000).putInt(16000)
                .putShort((short) 1).putShort((short) 8).putShort((short) 0)
                .put(ascii("fact")).putInt(4).putInt(2)
                .put(ascii("data")).putInt(2)
                .put((byte) 0xD5).put((byte) 0xAA);
        assertArrayEquals(expected.array(), Files.readAllBytes(alaw));
    }

    @Test
    void oddG711DataIsFollowedByAPadByte() throws Exception {
        Path file = folder.resolve("odd.wav");
        try (AudioFileWriter writer = new UlawWavStorageFormat().create(file, RATE, 1)) {
            writer.write(new short[] { 0, 1000, -1000 }, 0, 3);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(58 + 3 + 1, bytes.length);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(bytes.length - 8, header.getInt(4), "the RIFF size counts the pad byte");
        assertEquals(3, header.getInt(46), "fact: samples per channel");
        assertEquals(3, header.getInt(54), "the data size does not");
        assertEquals(0, bytes[bytes.length - 1]);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertEquals(3, in.getFrameLength());
        }
    }

    @ParameterizedTest
    @CsvSource({ "pcmwav,44", "ulaw,58", "alaw,58" })
    void emptyRecordingsAreValidFiles(String formatName, int headerBytes) throws Exception {
        Path file = folder.resolve("empty-" + formatName + ".wav");
        format(formatName).create(file, RATE, 1).close();
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(headerBytes, bytes.length);
        assertEquals(headerBytes - 8, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertEquals(0, in.getFrameLength());
            assertEquals(-1, in.read(new byte[4]));
        }
    }

    @ParameterizedTest
    @CsvSource({ "pcmwav", "ulaw", "alaw" })
    void stereoStoresChannelOneFirst(String formatName) throws Exception {
        Path file = folder.resolve("order-" + formatName + ".wav");
        try (AudioFileWriter writer = format(formatName).create(file, RATE, 2)) {
            writer.write(new short[] { 8000, -16000, 8000, -16000 }, 0, 2);
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            short[] read = readAsPcm(in);
            assertEquals(4, read.length);
            assertEquals(quantized(formatName, (short) 8000), read[0], "left (channel 1) comes first");
            assertEquals(quantized(formatName, (short) -16000), read[1]);
        }
    }

    @Test
    void aFileBeingWrittenIsValidUpToItsLastFlushedBlock() throws Exception {
        Path file = folder.resolve("growing.wav");
        short[] pcm = tones(WavFileWriter.BUFFER_BYTES / 2 + 100, 1);
        try (AudioFileWriter writer = new PcmWavStorageFormat().create(file, RATE, 1)) {
            writer.write(pcm, 0, pcm.length);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
                assertEquals(WavFileWriter.BUFFER_BYTES / 2, in.getFrameLength());
                assertArrayEquals(Arrays.copyOf(pcm, WavFileWriter.BUFFER_BYTES / 2), readAsPcm(in));
            }
        }
        assertEquals(44 + pcm.length * 2L, Files.size(file));
    }

    @Test
    void aWriterThatFailedLeavesAValidFileOfItsFlushedBlocks() throws Exception {
        Path file = folder.resolve("full-disk.wav");
        int flushedFrames = WavFileWriter.BUFFER_BYTES / 2;
        short[] pcm = tones(3 * flushedFrames, 1);
        FileChannel channel = new FailingFileChannel(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                44 + WavFileWriter.BUFFER_BYTES + 1000);
        AudioFileWriter writer = WavFileWriter.start(file, channel, WavEncoding.PCM16, RATE, 1);
        assertThrows(IOException.class, () -> writer.write(pcm, 0, pcm.length), "the second block does not fit");
        assertThrows(IOException.class, () -> writer.write(pcm, 0, 1), "nothing is written after a failure");
        writer.close();

        assertEquals(44 + WavFileWriter.BUFFER_BYTES, Files.size(file), "the partial block is cut off");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertEquals(flushedFrames, in.getFrameLength());
            assertArrayEquals(Arrays.copyOf(pcm, flushedFrames), readAsPcm(in));
        }
    }

    @Test
    void closeIsIdempotentAndEndsWriting() throws IOException {
        Path file = folder.resolve("closed.wav");
        AudioFileWriter writer = new AlawWavStorageFormat().create(file, RATE, 1);
        writer.write(new short[] { 1, 2 }, 0, 2);
        writer.close();
        byte[] closed = Files.readAllBytes(file);
        writer.close();
        assertArrayEquals(closed, Files.readAllBytes(file));
        assertThrows(IOException.class, () -> writer.write(new short[] { 1 }, 0, 1));
    }

    @Test
    void rejectsWhatAWavRecordingCannotHold() throws IOException {
        StorageFormat format = new PcmWavStorageFormat();
        assertEquals(".wav", format.extension());
        assertThrows(IllegalArgumentException.class, () -> format.create(folder.resolve("a.wav"), RATE, 3));
        assertThrows(IllegalArgumentException.class, () -> format.create(folder.resolve("b.wav"), 0, 1));
        try (AudioFileWriter writer = format.create(folder.resolve("c.wav"), RATE, 2)) {
            assertThrows(IndexOutOfBoundsException.class, () -> writer.write(new short[3], 0, 2));
        }
    }

    private static StorageFormat format(String name) {
        switch (name) {
            case "pcmwav": return new PcmWavStorageFormat();
            case "ulaw": return new UlawWavStorageFormat();
            case "alaw": return new AlawWavStorageFormat();
            default: throw new IllegalArgumentException(name);
        }
    }

    private static AudioFormat.Encoding expectedEncoding(String formatName) {
        switch (formatName) {
            case "ulaw": return AudioFormat.Encoding.ULAW;
            case "alaw": return AudioFormat.Encoding.ALAW;
            default: return AudioFormat.Encoding.PCM_SIGNED;
        }
    }

    /** A 440 Hz tone on channel 1 and a louder 1 kHz tone on channel 2, interleaved. */
    private static short[] tones(int frames, int channels) {
        short[] pcm = new short[frames * channels];
        for (int i = 0; i < frames; i++) {
            pcm[i * channels] = (short) Math.round(12000 * Math.sin(2 * Math.PI * 440 * i / RATE));
            if (channels == 2) {
                pcm[i * 2 + 1] = (short) Math.round(30000 * Math.sin(2 * Math.PI * 1000 * i / RATE));
            }
        }
        return pcm;
    }

    private static void writeInUnevenPieces(AudioFileWriter writer, short[] pcm, int frames, int channels)
            throws IOException {
        int[] pieces = { 160, 1, 7919, 240, 33333 };
        int frame = 0;
        for (int i = 0; frame < frames; i++) {
            int count = Math.min(pieces[i % pieces.length], frames - frame);
            writer.write(pcm, frame * channels, count);
            frame += count;
        }
    }

    private static short[] expectedSamples(String formatName, short[] pcm) {
        short[] expected = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            expected[i] = quantized(formatName, pcm[i]);
        }
        return expected;
    }

    private static short quantized(String formatName, short sample) {
        switch (formatName) {
            case "ulaw": return G711.ulawToLinear(G711.linearToUlaw(sample));
            case "alaw": return G711.alawToLinear(G711.linearToAlaw(sample));
            default: return sample;
        }
    }

    /** Reads the stream as 16-bit little-endian PCM, letting Java Sound's own G.711 decoders expand µ/A-law. */
    private static short[] readAsPcm(AudioInputStream in) throws IOException, UnsupportedAudioFileException {
        AudioFormat source = in.getFormat();
        AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16,
                source.getChannels(), source.getChannels() * 2, source.getSampleRate(), false);
        AudioInputStream pcm = source.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                ? in
                : AudioSystem.getAudioInputStream(pcm16, in);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pcm.transferTo(bytes);
        short[] samples = new short[bytes.size() / 2];
        ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    private static byte[] g711File(int formatTag, int channels, int frames, byte[] data) {
        return littleEndian(58 + data.length)
                .put(ascii("RIFF")).putInt(50 + data.length).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(18)
                .putShort((short) formatTag).putShort((short) channels).putInt(RATE).putInt(RATE * channels)
                .putShort((short) channels).putShort((short) 8).putShort((short) 0)
                .put(ascii("fact")).putInt(4).putInt(frames)
                .put(ascii("data")).putInt(data.length)
                .put(data)
                .array();
    }

    private static ByteBuffer littleEndian(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
