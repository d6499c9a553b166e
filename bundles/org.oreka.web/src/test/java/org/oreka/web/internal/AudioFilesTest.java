package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNameResolvesInsideTheRootsOnly() throws IOException {
        Path root = Files.createDirectories(dir.resolve("audio/2026/11/28/10"));
        Path other = Files.createDirectories(dir.resolve("mounted/rec2"));
        Path call = Files.writeString(root.resolve("a.wav"), "x");
        Path remote = Files.writeString(other.resolve("b.wav"), "y");
        Files.writeString(dir.resolve("secret.txt"), "z");
        Files.createSymbolicLink(dir.resolve("audio/escape.wav"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("audio/2026/up"), dir);
        AudioFiles files = AudioFiles.of(dir.resolve("audio").toString(), " " + dir.resolve("mounted") + " ,");
        assertEquals(Optional.of(call.toRealPath()), files.resolve("2026/11/28/10/a.wav"));
        assertEquals(Optional.of(remote.toRealPath()), files.resolve("rec2/b.wav"), "the second root");
        for (String bad : new String[] {"../secret.txt", "2026/../../secret.txt", dir.resolve("secret.txt").toString(),
                "escape.wav", "2026/up/secret.txt", "2026/11", "", "a\0b", "2026/11/28/10/missing.wav"}) {
            assertEquals(Optional.empty(), files.resolve(bad), bad);
        }
    }

    @Test
    void theDefaultRootIsTheKarafDataAudioFolder() {
        String before = System.getProperty("karaf.data");
        System.setProperty("karaf.data", dir.toString());
        try {
            assertEquals(List.of(dir.resolve("audio")), AudioFiles.of("", "").roots());
        } finally {
            if (before == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", before);
            }
        }
    }

    @Test
    void browsersGetPcmWavMp3AndOggAsTheyAreAndTheRestIsConverted() throws IOException {
        assertEquals(Optional.of("audio/wav"), AudioFiles.browserType(wave(dir.resolve("pcm.wav"), 1)));
        assertEquals(Optional.empty(), AudioFiles.browserType(wave(dir.resolve("ulaw.wav"), 7)), "G.711 mu-law in WAV");
        assertEquals(Optional.empty(), AudioFiles.browserType(wave(dir.resolve("gsm.wav"), 0x31)), "GSM 6.10 in WAV");
        assertEquals(Optional.empty(), AudioFiles.browserType(wave(dir.resolve("x.gsm.wav"), 1)));
        assertEquals(Optional.empty(), AudioFiles.browserType(Files.writeString(dir.resolve("bad.wav"), "not a wave")));
        assertEquals(Optional.of("audio/mpeg"), AudioFiles.browserType(dir.resolve("a.mp3")));
        assertEquals(Optional.of("audio/ogg"), AudioFiles.browserType(dir.resolve("a.opus")));
        assertEquals(Optional.empty(), AudioFiles.browserType(dir.resolve("a.ul")));
        assertEquals(List.of("-f", "mulaw", "-ar", "8000", "-ac", "1"), AudioFiles.inputFormat(dir.resolve("a.ul")));
        assertEquals(List.of("-f", "alaw", "-ar", "8000", "-ac", "1"), AudioFiles.inputFormat(dir.resolve("a.alaw")));
        assertEquals(List.of(), AudioFiles.inputFormat(dir.resolve("a.wav")));
    }

    @Test
    void aWaveWithAChunkBeforeItsFormatIsRead() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 5 + 1 + 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(b.capacity() - 8).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(5).put(new byte[6])
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        assertTrue(AudioFiles.pcmWave(Files.write(dir.resolve("list.wav"), b.array())), "odd chunks are padded");
        assertFalse(AudioFiles.pcmWave(Files.write(dir.resolve("short.wav"), new byte[] {'R', 'I', 'F', 'F'})));
    }

    /** A WAV header with the format tag, and a little silence. */
    static Path wave(Path file, int format) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(52).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) format).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        return Files.write(file, b.array());
    }
}
