package org.oreka.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds recordings under the audio folders (the recorder's {@code AudioOutputPath} and any {@code AudioRoots}):
 * a file name from a URL resolves to a regular file inside one of them or to nothing, whatever dots, links or
 * absolute paths it holds; and tells the formats a browser plays from those it cannot.
 */
final class AudioFiles {

    private final List<Path> roots;

    AudioFiles(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The roots from the configuration: the audio output path (default {@code ${karaf.data}/audio}) and more. */
    static AudioFiles of(String audioOutputPath, String moreRoots) {
        List<Path> roots = new ArrayList<>();
        String main = audioOutputPath == null || audioOutputPath.isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "audio").toString() : audioOutputPath.trim();
        roots.add(Paths.get(main));
        if (moreRoots != null) {
            for (String root : moreRoots.split(",")) {
                if (!root.isBlank()) {
                    roots.add(Paths.get(root.trim()));
                }
            }
        }
        return new AudioFiles(roots);
    }

    List<Path> roots() {
        return roots;
    }

    /** The regular file a relative name denotes in the first root that has it, never a file outside the roots. */
    Optional<Path> resolve(String relative) {
        if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (Path root : roots) {
            try {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                Path realRoot = root.toRealPath();
                Path candidate = realRoot.resolve(relative).normalize();
                if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                    continue;
                }
                Path real = candidate.toRealPath();
                if (real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(real);
                }
            } catch (IOException | java.nio.file.InvalidPathException unreadable) {
                // not in this root
            }
        }
        return Optional.empty();
    }

    /** The Content-Type of a file a browser plays as it is, or empty when it must be converted first. */
    static Optional<String> browserType(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gsm.wav")) {
            return Optional.empty();
        }
        if (name.endsWith(".wav")) {
            return pcmWave(file) ? Optional.of("audio/wav") : Optional.empty();
        }
        if (name.endsWith(".mp3")) {
            return Optional.of("audio/mpeg");
        }
        if (name.endsWith(".ogg") || name.endsWith(".oga") || name.endsWith(".opus")) {
            return Optional.of("audio/ogg");
        }
        if (name.endsWith(".flac")) {
            return Optional.of("audio/flac");
        }
        if (name.endsWith(".m4a")) {
            return Optional.of("audio/mp4");
        }
        if (name.endsWith(".webm")) {
            return Optional.of("audio/webm");
        }
        return Optional.empty();
    }

    /** ffmpeg's input options for a file it cannot recognise by itself (raw G.711 and GSM have no header). */
    static List<String> inputFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ul") || name.endsWith(".ulaw") || name.endsWith(".mulaw") || name.endsWith(".pcmu")) {
            return List.of("-f", "mulaw", "-ar", "8000", "-ac", "1");
        }
        if (name.endsWith(".al") || name.endsWith(".alaw") || name.endsWith(".pcma")) {
            return List.of("-f", "alaw", "-ar", "8000", "-ac", "1");
        }
        if (name.endsWith(".gsm")) {
            return List.of("-f", "gsm");
        }
        return List.of();
    }

    /** Whether a WAV file holds PCM (integer or float) samples, the WAV a browser plays. */
    static boolean pcmWave(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        if (n < 12 || !ascii(head, 0, "RIFF") || !ascii(head, 8, "WAVE")) {
            return false;
        }
        int at = 12;
        while (at + 8 <= n) {
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (ascii(head, at, "fmt ")) {
                if (at + 10 > n) {
                    return false;
                }
                int format = Short.toUnsignedInt(b.getShort(at + 8));
                return format == 1 || format == 3 || format == 0xFFFE;
            }
            at += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - 16);
        }
        return false;
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII).equals(text);
    }
}
