package org.oreka.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts recordings a browser cannot play (GSM, G.711 in WAV or raw) to 16-bit PCM WAV with ffmpeg, started with
 * an argument vector (never a shell), into a cache folder: the converted file is served like any other, with byte
 * ranges, and converted once however often it is played. The cache keeps the {@value #CACHE_FILES} most recent.
 */
final class Transcoder {

    static final int CACHE_FILES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Transcoder.class);
    private static final long TIMEOUT_SECONDS = 120;

    private final Path cache;
    private final String ffmpeg;
    private final ConcurrentHashMap<String, Object> inProgress = new ConcurrentHashMap<>();

    Transcoder(Path cache, String ffmpeg) {
        this.cache = cache;
        this.ffmpeg = ffmpeg;
    }

    /** The WAV version of a recording, converted now unless the cache has it. */
    Path toWave(Path recording) throws IOException {
        String key = key(recording);
        Path converted = cache.resolve(key + ".wav");
        Object lock = inProgress.computeIfAbsent(key, k -> new Object());
        synchronized (lock) {
            try {
                if (Files.isRegularFile(converted)) {
                    Files.setLastModifiedTime(converted, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                    return converted;
                }
                Files.createDirectories(cache);
                Path partial = cache.resolve(key + ".part.wav");
                List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-v", "error", "-y"));
                command.addAll(AudioFiles.inputFormat(recording));
                command.addAll(List.of("-i", recording.toString(), "-f", "wav", "-acodec", "pcm_s16le", partial.toString()));
                run(command);
                Files.move(partial, converted, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                trim();
                return converted;
            } finally {
                inProgress.remove(key, lock);
            }
        }
    }

    private void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            byte[] output = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg took more than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String message = new String(output, StandardCharsets.UTF_8).trim();
                LOG.warn("ffmpeg could not convert a recording for the browser ({}): {}", process.exitValue(), message);
                throw new IOException("ffmpeg failed: " + message);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Deletes the least recently played conversions beyond the cache's size. */
    private void trim() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> converted = files.filter(f -> f.toString().endsWith(".wav") && !f.toString().endsWith(".part.wav"))
                    .sorted(Comparator.comparing(Transcoder::modified).reversed()).toList();
            for (Path old : converted.subList(Math.min(CACHE_FILES, converted.size()), converted.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    /** A name for the conversion of one version of a file: its path, size and modification time. */
    private static String key(Path recording) throws IOException {
        String identity = recording + "|" + Files.size(recording) + "|" + Files.getLastModifiedTime(recording).toMillis();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
