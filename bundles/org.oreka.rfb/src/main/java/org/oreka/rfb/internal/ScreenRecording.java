package org.oreka.rfb.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One screen recording: its VNC connection, its video, and the one thread that reads the server's updates and writes
 * the frames as they fall due. It ends on {@link #stop()}, when the server goes away or breaks the protocol, or when
 * ffmpeg stops taking frames; in every case the video made so far is finished and kept, and the reason logged once.
 */
final class ScreenRecording implements Runnable {

    /** Hears that a recording ended, from its own thread. */
    interface Ending {
        /**
         * @param file the finished video, or null when there is none
         * @param failure why it ended by itself, or null after {@link #stop()}
         */
        void ended(ScreenRecording recording, Path file, String failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScreenRecording.class);
    private static final long STOP_GRACE_SECONDS = 5;
    private static final long FIRST_PICTURE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String recid;
    private final RfbTarget target;
    private final String filename;
    private final Instant started;
    private final int frameRate;
    private final RfbClient client;
    private final ScreenVideo video;
    private final FrameSampler sampler;
    private final Ending ending;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopRequested;

    /**
     * @param filename the video's name relative to the output root, as reported
     */
    ScreenRecording(String recid, RfbTarget target, String filename, Instant started, int frameRate, RfbClient client,
            ScreenVideo video, Ending ending) {
        this.recid = recid;
        this.target = target;
        this.filename = filename;
        this.started = started;
        this.frameRate = frameRate;
        this.client = client;
        this.video = video;
        this.ending = ending;
        this.sampler = new FrameSampler(video, video.width(), video.height(), frameRate, System.nanoTime());
        this.thread = new Thread(this, "orkrfb-" + recid);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String recid() {
        return recid;
    }

    RfbTarget target() {
        return target;
    }

    String filename() {
        return filename;
    }

    Instant started() {
        return started;
    }

    /** The video's length so far, in seconds. */
    long seconds() {
        return Math.round((double) sampler.frames() / frameRate);
    }

    boolean paused() {
        return sampler.paused();
    }

    /** Blanks the frames from now on (true) or shows the desktop again (false). */
    void pause(boolean pause) {
        sampler.pause(pause);
    }

    /**
     * Ends the recording and waits (a bounded time) until its video is finished. A thread still inside a server's
     * message after a few seconds (a server trickling a large update) has its connection dropped.
     */
    void stop() throws InterruptedException {
        stopRequested = true;
        if (!done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            client.abort();
            done.await(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void run() {
        String failure = null;
        try {
            String reason = record();
            // after stop(), a dropped connection is how the recording was ended, not a failure
            failure = stopRequested ? null : reason;
        } finally {
            client.close();
            ScreenVideo.Result result = video.finish();
            if (result.failure() != null && failure == null) {
                failure = result.failure();
            }
            if (failure != null) {
                LOG.warn("Screen recording {} of {} ended: {}", recid, target, failure);
            }
            LOG.info("Screen recording {} of {}: {} frames ({} s) in {}", recid, target, sampler.frames(), seconds(),
                    result.file() == null ? "no file" : result.file());
            try {
                ending.ended(this, result.file(), failure);
            } finally {
                done.countDown();
            }
        }
    }

    /** The loop of the recording's thread; returns why it ended by itself, or null once stopped. */
    private String record() {
        long requestedAtFrame = 0;
        boolean awaitingUpdate;
        try {
            client.requestUpdate(false);
            // The first frames wait (a little) for the first picture rather than show a black desktop; the timeline
            // already runs, so they are caught up with that picture.
            long firstPictureBy = System.nanoTime() + FIRST_PICTURE_NANOS;
            awaitingUpdate = true;
            while (awaitingUpdate && !stopRequested && System.nanoTime() < firstPictureBy) {
                awaitingUpdate = client.readMessage(TimeUnit.NANOSECONDS.toMillis(firstPictureBy - System.nanoTime()) + 1)
                        != RfbClient.Message.UPDATE;
            }
        } catch (EOFException e) {
            return "the VNC server closed the connection";
        } catch (IOException e) {
            return e.getMessage();
        }
        while (!stopRequested) {
            long wait;
            try {
                wait = sampler.sample(client.framebuffer(), System.nanoTime());
            } catch (IOException e) {
                return "ffmpeg stopped taking frames (" + e.getMessage() + ")";
            }
            try {
                // One incremental request per frame at most: a server answering at once with empty updates
                // must not spin this thread.
                if (!awaitingUpdate && sampler.frames() > requestedAtFrame) {
                    client.requestUpdate(true);
                    awaitingUpdate = true;
                    requestedAtFrame = sampler.frames();
                }
                if (client.readMessage(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait))) == RfbClient.Message.UPDATE) {
                    awaitingUpdate = false;
                }
            } catch (EOFException e) {
                return "the VNC server closed the connection";
            } catch (SocketTimeoutException e) {
                return "the VNC server stopped in the middle of a message";
            } catch (IOException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                LOG.error("Screen recording {}: the VNC server's data could not be decoded", recid, e);
                return "the VNC server's data could not be decoded: " + e;
            }
        }
        try {
            sampler.sample(client.framebuffer(), System.nanoTime());
        } catch (IOException e) {
            return "ffmpeg stopped taking frames (" + e.getMessage() + ")";
        }
        return null;
    }
}
