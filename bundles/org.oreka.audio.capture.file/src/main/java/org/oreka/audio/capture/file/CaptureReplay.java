package org.oreka.audio.capture.file;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.oreka.audio.capture.file.internal.FileReplayer;
import org.oreka.audio.net.CaptureFileException;
import org.oreka.sdk.capture.FrameSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a capture file, or every capture file of a folder, into a {@link FrameSink} synchronously, in the
 * calling thread: the building block of the {@code oreka:replay} command and of tests.
 *
 * <p>The frames are those of {@link org.oreka.audio.net.CaptureFileReader}: their source name is the file name,
 * and each frame is valid only during the {@link FrameSink#frame} call. After each file the sink receives
 * {@link FrameSink#endOfCapture(String, long)} with the file name and the capture time of the file's last frame,
 * so that the calls it carried can be closed on the capture's own clock.
 */
public final class CaptureReplay {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureReplay.class);
    private static final List<String> EXTENSIONS = List.of(".pcap", ".pcapng", ".cap");

    private CaptureReplay() {
    }

    /**
     * Replays a file, or every capture file of a folder in name order ({@link #captureFiles(Path)}).
     *
     * <p>A single file that is not a pcap or pcapng capture fails the call. In a folder such a file (or one that
     * cannot be read) is logged and skipped, as the recorder's {@code PcapDirectory} does, and the replay goes
     * on. A file cut short delivers its whole records, is logged, and counts as replayed.
     *
     * @param fileOrDirectory a capture file, or a folder of them
     * @param sink receives every frame, then an end of capture per file
     * @param fastReplay true to deliver frames as fast as the sink takes them; false to follow the capture clock
     *        (silences longer than 60 s are shortened to 60 s)
     * @return the number of frames delivered
     * @throws org.oreka.audio.net.CaptureFileException when {@code fileOrDirectory} is a file but not a capture
     * @throws InterruptedIOException when the calling thread is interrupted; its interrupt flag stays set, and
     *         the file being replayed gets no end of capture
     * @throws IOException when the file or folder cannot be read
     */
    public static long replay(Path fileOrDirectory, FrameSink sink, boolean fastReplay) throws IOException {
        AtomicLong frames = new AtomicLong();
        FileReplayer replayer = new FileReplayer(sink, fastReplay, frames);
        if (!Files.isDirectory(fileOrDirectory)) {
            report(fileOrDirectory, replayer.replay(fileOrDirectory));
            return frames.get();
        }
        for (Path file : captureFiles(fileOrDirectory)) {
            try {
                report(file, replayer.replay(file));
            } catch (InterruptedIOException e) {
                throw e;
            } catch (CaptureFileException e) {
                LOG.warn("Skipping {}", e.getMessage());
            } catch (IOException e) {
                LOG.warn("Skipping {}: {}", file, e.toString());
            }
        }
        return frames.get();
    }

    private static void report(Path file, FileReplayer.Replayed replayed) {
        if (replayed.cutShort()) {
            LOG.warn("{} is cut short or corrupt after {} frames; replayed those", file, replayed.frames());
        }
    }

    /**
     * The capture files a replay of {@code fileOrDirectory} goes through: the file itself, or the regular files
     * of the folder whose names end in {@code .pcap}, {@code .pcapng} or {@code .cap} (in any case), sorted by
     * name. Subfolders are not searched.
     *
     * @throws NoSuchFileException when nothing exists at {@code fileOrDirectory}
     */
    public static List<Path> captureFiles(Path fileOrDirectory) throws IOException {
        if (!Files.isDirectory(fileOrDirectory)) {
            if (!Files.exists(fileOrDirectory)) {
                throw new NoSuchFileException(fileOrDirectory.toString());
            }
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> entries = Files.list(fileOrDirectory)) {
            return entries.filter(Files::isRegularFile).filter(CaptureReplay::hasCaptureExtension)
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .collect(Collectors.toList());
        }
    }

    private static boolean hasCaptureExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
