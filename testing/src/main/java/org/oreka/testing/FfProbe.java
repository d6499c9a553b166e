package org.oreka.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads an audio file with the system's {@code ffprobe} and {@code ffmpeg}: its codec, and its length as ffmpeg
 * decodes it (so a file that does not decode fails).
 */
public final class FfProbe {

    /** The first audio stream's codec name and the seconds of audio it decodes to. */
    public record Audio(String codec, double seconds) {
    }

    private static final int DECODE_RATE = 8000;

    private FfProbe() {
    }

    /**
     * Probes {@code file} and decodes it all to 8 kHz mono.
     *
     * @throws IOException when ffprobe or ffmpeg is missing, or reports an error about the file
     */
    public static Audio probe(Path file) throws IOException, InterruptedException {
        Map<String, String> fields = new HashMap<>();
        for (String line : run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name", "-of", "default=noprint_wrappers=1", file.toString())).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        long bytes = decodedBytes(file);
        return new Audio(fields.getOrDefault("codec_name", ""), bytes / 2.0 / DECODE_RATE);
    }

    /** Bytes of 16-bit mono PCM at {@link #DECODE_RATE} that ffmpeg decodes the file to. */
    private static long decodedBytes(Path file) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("ffmpeg-", ".log");
        try {
            Process process = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(),
                    "-f", "s16le", "-ac", "1", "-ar", String.valueOf(DECODE_RATE), "-"))
                    .redirectError(errors.toFile()).start();
            long bytes = 0;
            try (InputStream pcm = process.getInputStream()) {
                byte[] buffer = new byte[65536];
                for (int n; (n = pcm.read(buffer)) > 0;) {
                    bytes += n;
                }
            }
            String messages = Files.readString(errors, StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !messages.isBlank()) {
                process.destroyForcibly();
                throw new IOException("ffmpeg cannot decode " + file + ": " + messages);
            }
            return bytes;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** A video's first stream: codec, size, and its length as the container states it. */
    public record Video(String codec, int width, int height, double seconds) {
    }

    /**
     * Probes a video file.
     *
     * @throws IOException when ffprobe is missing or reports an error about the file
     */
    public static Video video(Path file) throws IOException, InterruptedException {
        Map<String, String> fields = new HashMap<>();
        for (String line : run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height:format=duration", "-of", "default=noprint_wrappers=1", file.toString()))
                .split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return new Video(fields.getOrDefault("codec_name", ""), Integer.parseInt(fields.getOrDefault("width", "0")),
                Integer.parseInt(fields.getOrDefault("height", "0")), Double.parseDouble(fields.getOrDefault("duration", "0")));
    }

    /**
     * The colour ({@code 0xRRGGBB}) at the centre of every frame of a video, decoded by ffmpeg at the video's own
     * frame rate.
     */
    public static List<Integer> centreColours(Path file) throws IOException, InterruptedException {
        Video video = video(file);
        Path errors = Files.createTempFile("ffmpeg-", ".log");
        try {
            Process process = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", file.toString(),
                    "-vf", "crop=2:2:" + (video.width() / 2 - 1) + ":" + (video.height() / 2 - 1) + ",format=rgb24",
                    "-fps_mode", "passthrough", "-f", "rawvideo", "-")).redirectError(errors.toFile()).start();
            byte[] pixels;
            try (InputStream in = process.getInputStream()) {
                pixels = in.readAllBytes();
            }
            if (process.waitFor() != 0) {
                throw new IOException("ffmpeg cannot decode " + file + ": " + Files.readString(errors, StandardCharsets.UTF_8));
            }
            java.util.List<Integer> colours = new java.util.ArrayList<>();
            for (int i = 0; i + 12 <= pixels.length; i += 12) {
                colours.add((pixels[i] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | (pixels[i + 2] & 0xff));
            }
            return colours;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
