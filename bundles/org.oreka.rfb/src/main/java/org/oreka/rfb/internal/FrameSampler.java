package org.oreka.rfb.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Samples the desktop at a fixed frame rate on the wall clock: frame {@code n} stands for the instant {@code start + n /
 * rate}, so the video stays aligned with the call's audio however the VNC server paces its updates (a late sample
 * repeats the current picture for every frame it missed). While paused, every frame is black: nothing of the screen
 * is written, yet the timeline goes on.
 */
final class FrameSampler {

    private final FrameSink sink;
    private final int width;
    private final int height;
    private final long startNanos;
    private final long frameNanos;
    private byte[] resized;
    private long written;
    private volatile boolean paused;

    /** A video of {@code width x height} (the desktop's size at the start) beginning at {@code startNanos}. */
    FrameSampler(FrameSink sink, int width, int height, int frameRate, long startNanos) {
        this.sink = sink;
        this.width = width;
        this.height = height;
        this.startNanos = startNanos;
        this.frameNanos = TimeUnit.SECONDS.toNanos(1) / frameRate;
    }

    void pause(boolean pause) {
        paused = pause;
    }

    boolean paused() {
        return paused;
    }

    /** Frames written so far. */
    long frames() {
        return written;
    }

    /**
     * Writes every frame due by {@code nowNanos}: the desktop as it is, or black while paused.
     *
     * @return nanoseconds until the next frame is due
     */
    long sample(Framebuffer desktop, long nowNanos) throws IOException {
        long due = (nowNanos - startNanos) / frameNanos + 1;
        for (; written < due; written++) {
            if (paused) {
                sink.writeBlank();
            } else if (desktop.width() == width && desktop.height() == height) {
                sink.write(desktop.pixels());
            } else {
                if (resized == null) {
                    resized = new byte[width * height * Framebuffer.BYTES_PER_PIXEL];
                }
                desktop.drawInto(resized, width, height);
                sink.write(resized);
            }
        }
        return startNanos + written * frameNanos - nowNanos;
    }
}
