package org.oreka.audio.session.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.oreka.audio.chain.ChainedTape;
import org.oreka.audio.net.CaptureFileReader;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.tape.SessionDTO;

/**
 * Runs capture files through the recorder from the calling thread ({@code oreka:replay}): reads each file as fast
 * as it can, ends its calls at its last packet, then waits until each recording it made has left the
 * tape-processor chain (or waits only for a processor that is not installed), and reports what it found.
 */
public final class CaptureReplayer {

    private static final long POLL_MS = 100;

    private final RecorderCore recorder;
    private final PrintStream out;

    CaptureReplayer(RecorderCore recorder, PrintStream out) {
        this.recorder = recorder;
        this.out = out;
    }

    /** What one replay produced. */
    public record Result(List<SessionDTO> recordings, TrackerCounters counters, List<String> problems, long frames) {
    }

    Result replay(Path fileOrFolder, boolean waitForChain, long chainTimeoutMillis) throws IOException, InterruptedException {
        List<Path> files = captureFiles(fileOrFolder);
        List<SessionDTO> recordings = new ArrayList<>();
        Set<String> orkuids = ConcurrentHashMap.newKeySet();
        Consumer<SessionDTO> observer = session -> {
            if (!session.orkuid.isEmpty()) {
                synchronized (recordings) {
                    recordings.add(session);
                }
                orkuids.add(session.orkuid);
            }
        };
        List<String> problems = new ArrayList<>();
        TrackerCounters before = recorder.counters();
        long frames = 0;
        recorder.observeStops(observer);
        try {
            for (Path file : files) {
                frames += replayFile(file, problems);
            }
        } finally {
            recorder.stopObserving(observer);
        }
        if (waitForChain) {
            awaitChain(orkuids, chainTimeoutMillis);
        }
        return new Result(List.copyOf(recordings), recorder.counters().minus(before), problems, frames);
    }

    private long replayFile(Path file, List<String> problems) throws IOException {
        long size = Math.max(1, Files.size(file));
        CapturedFrame frame = new CapturedFrame();
        long frames = 0;
        long bytes = 0;
        long lastTimestamp = 0;
        long lastProgress = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            while (reader.next(frame)) {
                recorder.frame(frame);
                frames++;
                bytes += frame.length() + 16;
                lastTimestamp = frame.timestampMicros();
                if ((frames & 0x3ff) == 0 && System.nanoTime() - lastProgress > 250_000_000L) {
                    lastProgress = System.nanoTime();
                    progress(file, Math.min(99, bytes * 100 / size), frames);
                }
            }
            if (reader.truncated()) {
                problems.add(file.getFileName() + ": cut short after " + frames + " packets");
            }
        } catch (org.oreka.audio.net.CaptureFileException e) {
            problems.add(e.getMessage());
            out.println(e.getMessage());
            return 0;
        } finally {
            recorder.endOfCapture(file.getFileName().toString(), lastTimestamp);
        }
        progress(file, 100, frames);
        out.println();
        return frames;
    }

    private void progress(Path file, long percent, long frames) {
        int width = 30;
        int filled = (int) (percent * width / 100);
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %,d packets", file.getFileName(), "=".repeat(filled),
                " ".repeat(width - filled), percent, frames));
        out.flush();
    }

    /**
     * Waits until none of the tapes is still moving through the chain: each has left it, or waits for a processor
     * that is not installed, or retries later because of something outside (a codec to install, a server down).
     */
    private void awaitChain(Set<String> orkuids, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            boolean moving = false;
            for (ChainedTape tape : recorder.chain().pending()) {
                if (orkuids.contains(tape.tape().orkuid) && (tape.state().equals("queued") || tape.state().equals("running"))) {
                    moving = true;
                    break;
                }
            }
            if (!moving) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The capture files of a folder (pcap, pcapng, cap) in name order, or the file itself. */
    static List<Path> captureFiles(Path fileOrFolder) throws IOException {
        if (!Files.isDirectory(fileOrFolder)) {
            if (!Files.isRegularFile(fileOrFolder)) {
                throw new IOException("no such capture file or folder: " + fileOrFolder);
            }
            return List.of(fileOrFolder);
        }
        try (Stream<Path> entries = Files.list(fileOrFolder)) {
            return entries.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".cap");
            }).sorted().toList();
        }
    }
}
