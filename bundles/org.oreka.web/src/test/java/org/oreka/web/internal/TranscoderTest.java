package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts with the real ffmpeg (a test package, see scripts/prerequisites.sh). */
class TranscoderTest {

    @TempDir
    Path dir;

    @Test
    void g711AndGsmBecomePcmWaveOfTheSameLengthOnceEach() throws Exception {
        Path ulaw = dir.resolve("call.wav");
        ffmpeg("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=3",
                "-acodec", "pcm_mulaw", ulaw.toString());
        Path gsm = dir.resolve("call.gsm");
        ffmpeg("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=2",
                "-f", "gsm", "-acodec", "gsm", gsm.toString());
        Path raw = dir.resolve("call.ul");
        ffmpeg("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=1",
                "-f", "mulaw", raw.toString());
        assertTrue(AudioFiles.browserType(ulaw).isEmpty(), "a mu-law WAV is not played by browsers");
        Transcoder transcoder = new Transcoder(dir.resolve("cache"), "ffmpeg");

        Path converted = transcoder.toWave(ulaw);
        assertTrue(AudioFiles.pcmWave(converted));
        assertEquals(44 + 3 * 8000 * 2, Files.size(converted), 100, "three seconds of 8 kHz 16-bit mono");
        FileTime made = Files.getLastModifiedTime(converted);
        assertEquals(converted, transcoder.toWave(ulaw), "converted once");
        assertTrue(Files.getLastModifiedTime(converted).compareTo(made) >= 0);

        assertEquals(2 * 8000 * 2, Files.size(transcoder.toWave(gsm)) - 44, 1000, "raw GSM 6.10");
        assertEquals(8000 * 2, Files.size(transcoder.toWave(raw)) - 44, 100, "raw mu-law without a header");
    }

    private static void ffmpeg(String... arguments) throws Exception {
        Process process = new ProcessBuilder(arguments).inheritIO().start();
        assertEquals(0, process.waitFor(), "ffmpeg made the test recording");
    }

    @Test
    void aFileFfmpegCannotReadIsAnErrorNotAHang() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.wav"), "this is not audio at all");
        Transcoder transcoder = new Transcoder(dir.resolve("cache"), "ffmpeg");
        assertThrows(IOException.class, () -> transcoder.toWave(junk));
        try (var left = Files.list(dir.resolve("cache"))) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".wav") && !f.toString().contains(".part")),
                    "nothing cached for it");
        }
    }
}
