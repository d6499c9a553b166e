package org.oreka.audio.capture.file.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.oreka.audio.capture.file.CaptureReplay;
import org.oreka.audio.net.CaptureFileException;
import org.oreka.sdk.capture.CaptureSource;
import org.oreka.sdk.capture.CaptureStatistics;
import org.oreka.sdk.capture.FrameSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value #NAME} capture source: replays the capture file named by {@code PcapFile}, or every capture file of
 * {@code PcapDirectory} in name order, in one thread of its own, as Oreka's VoIP plugin does offline.
 *
 * <p>Each file ends with {@link FrameSink#endOfCapture(String, long)}. A file that cannot be read or is not a
 * capture is logged once and skipped. With {@code PcapRepeat} the replay starts over after the last file, until
 * {@link #stop()}; a pass that delivers no frame at all ends the repetition instead of spinning. Editing the
 * configuration while the source runs restarts the replay with the new settings.
 */
@Component(service = CaptureSource.class, configurationPid = PcapFileSource.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = CaptureSource.PROPERTY_NAME + "=" + PcapFileSource.NAME)
@Designate(ocd = PcapFileSource.Config.class)
public class PcapFileSource implements CaptureSource {

    static final String PID = "org.oreka.audio.capture.file";
    static final String NAME = "pcap-file";
    static final String THREAD_NAME = "oreka-pcap-file-replay";
    /** How long stop() waits for the thread; only a sink that blocks can make it wait that long. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PcapFileSource.class);

    /** The configuration, with the key names of Oreka's {@code <VoIpPlugin>} section. */
    @ObjectClassDefinition(name = "Oreka capture file replay",
            description = "Replays pcap and pcapng captures as if they arrived live (Oreka's offline capture)")
    public @interface Config {
        @AttributeDefinition(description = "A capture file (pcap or pcapng) to replay; wins over PcapDirectory")
        String PcapFile() default "";

        @AttributeDefinition(description = "A folder whose *.pcap, *.pcapng and *.cap files are replayed one after the other, sorted by name")
        String PcapDirectory() default "";

        @AttributeDefinition(description = "Replay as fast as possible; false follows the capture timestamps")
        boolean PcapFastReplay() default true;

        @AttributeDefinition(description = "Start again from the first file once the last is done")
        boolean PcapRepeat() default false;
    }

    private final AtomicLong received = new AtomicLong();
    private volatile Config config;
    private volatile String lastError = "";
    private FrameSink sink;
    /** Written under the lock; volatile so that statistics() never waits behind a restart. */
    private volatile Thread replay;

    @Activate
    public PcapFileSource(Config config) {
        this.config = config;
    }

    @Modified
    synchronized void modified(Config newConfig) {
        this.config = newConfig;
        if (sink == null) {
            return;
        }
        end(replay);
        replay = null;
        try {
            launch(target(newConfig), newConfig, sink);
        } catch (IOException e) {
            lastError = e.getMessage();
            LOG.error("Cannot replay with the new configuration: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /**
     * Starts the replay thread; returns at once.
     *
     * @throws IOException when neither PcapFile nor PcapDirectory is set, or what they name does not exist
     * @throws IllegalStateException when the source was started and not stopped since
     */
    @Override
    public synchronized void start(FrameSink frameSink) throws IOException {
        if (sink != null) {
            throw new IllegalStateException(NAME + " is already started");
        }
        Config current = config;
        Path target = target(current);
        sink = frameSink;
        launch(target, current, frameSink);
    }

    /** Ends the replay thread and waits for it, so the sink receives nothing more; calling it again does nothing. */
    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            sink = null;
            thread = replay;
            replay = null;
        }
        end(thread);
    }

    @Override
    public CaptureStatistics statistics() {
        Thread thread = replay;
        boolean running = thread != null && thread.isAlive();
        return new CaptureStatistics(NAME, received.get(), 0, 0, running, lastError);
    }

    /** What the configuration points at: the file, else the folder; it must exist. */
    static Path target(Config config) throws IOException {
        String file = config.PcapFile().trim();
        String directory = config.PcapDirectory().trim();
        try {
            if (!file.isEmpty()) {
                Path path = Paths.get(file);
                if (!Files.exists(path)) {
                    throw new NoSuchFileException(file, null, "PcapFile does not exist");
                }
                if (!Files.isReadable(path)) {
                    throw new AccessDeniedException(file, null, "PcapFile cannot be read");
                }
                return path;
            }
            if (!directory.isEmpty()) {
                Path path = Paths.get(directory);
                if (!Files.isDirectory(path)) {
                    throw new NoSuchFileException(directory, null, "PcapDirectory is not a folder");
                }
                return path;
            }
        } catch (InvalidPathException e) {
            throw new IOException("Not a path: " + e.getMessage(), e);
        }
        throw new IOException("Neither PcapFile nor PcapDirectory is set in " + PID);
    }

    private void launch(Path target, Config settings, FrameSink frameSink) {
        LOG.info("Replaying {} ({}{})", target, settings.PcapFastReplay() ? "fast" : "paced by the capture clock",
                settings.PcapRepeat() ? ", repeating" : "");
        Thread thread = new Thread(() -> replayAll(target, settings, frameSink), THREAD_NAME);
        thread.setDaemon(true);
        replay = thread;
        thread.start();
    }

    private static void end(Thread thread) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        if (thread == Thread.currentThread()) {
            // stop() called by the sink from within frame(): the replay ends as soon as that call returns.
            return;
        }
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The replay thread did not end within {} s: the frame sink is blocked",
                    TimeUnit.MILLISECONDS.toSeconds(STOP_WAIT_MILLIS));
        }
    }

    /** The replay thread: every file, once or over and over, until done or interrupted. */
    private void replayAll(Path target, Config settings, FrameSink frameSink) {
        FileReplayer replayer = new FileReplayer(frameSink, settings.PcapFastReplay(), received);
        Set<Path> reported = new HashSet<>();
        try {
            boolean again;
            do {
                long before = received.get();
                List<Path> files = CaptureReplay.captureFiles(target);
                for (Path file : files) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    replayFile(replayer, file, reported);
                }
                again = settings.PcapRepeat() && !Thread.currentThread().isInterrupted();
                if (again && received.get() == before) {
                    reportProblem(target, "no frames to repeat", reported);
                    again = false;
                }
            } while (again);
            LOG.info("Replay of {} done: {} frames", target, received.get());
        } catch (InterruptedIOException e) {
            LOG.debug("Replay of {} stopped", target);
        } catch (IOException e) {
            reportProblem(target, e.toString(), reported);
        }
    }

    private void replayFile(FileReplayer replayer, Path file, Set<Path> reported) throws InterruptedIOException {
        try {
            FileReplayer.Replayed replayed = replayer.replay(file);
            if (replayed.cutShort()) {
                reportProblem(file, "cut short or corrupt after " + replayed.frames() + " frames (those were replayed)",
                        reported);
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (CaptureFileException e) {
            report(file, e.getMessage(), reported);
        } catch (IOException | RuntimeException e) {
            reportProblem(file, e.toString(), reported);
        }
    }

    private void reportProblem(Path file, String reason, Set<Path> reported) {
        report(file, file + ": " + reason, reported);
    }

    /** Keeps a problem as the last error and logs it the first time this file has one, so repeating stays quiet. */
    private void report(Path file, String message, Set<Path> reported) {
        lastError = message;
        if (reported.add(file)) {
            LOG.warn("Capture replay: {}", message);
        }
    }
}
