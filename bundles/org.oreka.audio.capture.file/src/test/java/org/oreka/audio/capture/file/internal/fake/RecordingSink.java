package org.oreka.audio.capture.file.internal.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.oreka.sdk.capture.CapturedFrame;
import org.oreka.sdk.capture.FrameSink;

/** A frame sink that counts frames and records the ends of capture, the sources and the threads it was called from. */
public final class RecordingSink implements FrameSink {

    /** One end of capture as the sink received it. */
    public record End(String source, long lastTimestampMicros, long framesBefore) {
    }

    private final AtomicLong frames = new AtomicLong();
    private final List<End> ends = new CopyOnWriteArrayList<>();
    private final List<String> sources = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile Runnable onFrame = () -> { };
    private volatile long lastTimestampMicros;

    @Override
    public void frame(CapturedFrame frame) {
        frames.incrementAndGet();
        lastTimestampMicros = frame.timestampMicros();
        if (sources.isEmpty() || !sources.get(sources.size() - 1).equals(frame.source())) {
            sources.add(frame.source());
        }
        String thread = Thread.currentThread().getName();
        if (!threads.contains(thread)) {
            threads.add(thread);
        }
        onFrame.run();
    }

    @Override
    public void endOfCapture(String source, long lastTimestampMicros) {
        ends.add(new End(source, lastTimestampMicros, frames.get()));
    }

    /** Runs {@code action} in every {@link #frame} call, in the calling thread. */
    public void onFrame(Runnable action) {
        this.onFrame = action;
    }

    public long frames() {
        return frames.get();
    }

    public long lastTimestampMicros() {
        return lastTimestampMicros;
    }

    public List<End> ends() {
        return new ArrayList<>(ends);
    }

    /** The source names of the frames, in order, each run of equal names once. */
    public List<String> sources() {
        return new ArrayList<>(sources);
    }

    /** Names of the threads that delivered frames. */
    public List<String> threads() {
        return new ArrayList<>(threads);
    }

    /** Waits up to 10 s for {@code condition}; returns whether it came true. */
    public static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
