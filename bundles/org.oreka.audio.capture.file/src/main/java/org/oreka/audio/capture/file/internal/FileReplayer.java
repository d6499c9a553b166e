package org.oreka.audio.capture.file.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.oreka.audio.net.CaptureFileReader;
import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.FrameSink;

/**
 * Replays capture files into a frame sink in the calling thread, one file at a time, either as fast as the sink
 * takes them or at the pace of the capture clock. Interrupting the thread ends a replay promptly.
 */
public final class FileReplayer {

    /** The longest silence a paced replay waits through: merged captures can hold gaps of years. */
    static final long MAX_PACED_GAP_MICROS = 60_000_000L;

    /**
     * What one file gave.
     *
     * @param frames frames delivered to the sink
     * @param cutShort whether the file ended in a record that was cut short or corrupt
     * @param lastTimestampMicros capture time of the last frame, 0 when there was none
     */
    public record Replayed(long frames, boolean cutShort, long lastTimestampMicros) {
    }

    private final FrameSink sink;
    private final boolean fastReplay;
    private final AtomicLong framesRead;
    private final CapturedFrame frame = new CapturedFrame();
    private boolean clockStarted;
    private long anchorMicros;
    private long anchorNanos;
    private long previousMicros;

    /**
     * @param fastReplay true to deliver frames as fast as possible; false to follow their capture timestamps
     * @param framesRead counts every frame delivered, for statistics read by other threads
     */
    public FileReplayer(FrameSink sink, boolean fastReplay, AtomicLong framesRead) {
        this.sink = sink;
        this.fastReplay = fastReplay;
        this.framesRead = framesRead;
    }

    /**
     * Delivers every frame of {@code file} to the sink, then tells the sink the capture ended with
     * {@link FrameSink#endOfCapture(String, long)} (source = the file name), also for an empty capture or one cut
     * short. The source name of the frames is the file name.
     *
     * @throws org.oreka.audio.net.CaptureFileException when the file is not a pcap or pcapng capture
     * @throws InterruptedIOException when the thread was interrupted; the sink then gets no end of capture
     * @throws IOException when the file cannot be read
     */
    public Replayed replay(Path file) throws IOException {
        try {
            return replayFrames(file);
        } catch (ClosedByInterruptException e) {
            // An interrupt during a read closes the channel; report it like an interrupt between frames.
            InterruptedIOException interrupted = new InterruptedIOException("replay of " + file + " interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private Replayed replayFrames(Path file) throws IOException {
        clockStarted = false;
        long frames = 0;
        long lastMicros = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            while (reader.next(frame)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("replay of " + file + " interrupted");
                }
                lastMicros = frame.timestampMicros();
                if (!fastReplay) {
                    awaitCaptureTime(lastMicros, file);
                }
                sink.frame(frame);
                frames++;
                // One thread writes the counter: an ordered store is enough for readers, and cheaper than an atomic add.
                framesRead.lazySet(framesRead.get() + 1);
            }
            sink.endOfCapture(fileName(file), lastMicros);
            return new Replayed(frames, reader.truncated(), lastMicros);
        }
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** Sleeps until the frame's capture time, measured from the first frame of the file, comes round. */
    private void awaitCaptureTime(long micros, Path file) throws InterruptedIOException {
        long now = System.nanoTime();
        if (!clockStarted || micros < previousMicros) {
            // The first frame, or a clock that went back (merged captures): start measuring afresh.
            clockStarted = true;
            anchorMicros = micros;
            anchorNanos = now;
        } else if (micros - previousMicros > MAX_PACED_GAP_MICROS) {
            anchorNanos += (previousMicros - anchorMicros + MAX_PACED_GAP_MICROS) * 1_000L;
            anchorMicros = micros;
        }
        previousMicros = micros;
        long due = anchorNanos + (micros - anchorMicros) * 1_000L;
        for (long wait = due - now; wait > 0; wait = due - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("replay of " + file + " interrupted");
            }
        }
    }
}
