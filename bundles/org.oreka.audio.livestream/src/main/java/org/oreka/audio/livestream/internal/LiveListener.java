package org.oreka.audio.livestream.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.oreka.audio.session.LiveAudioSink;

/**
 * One listener's queue of a call's audio: the capture thread offers payloads and never waits (when the listener
 * falls behind by {@link #CAPACITY} payloads, the oldest are dropped and counted); the listener's thread takes them.
 */
final class LiveListener implements LiveAudioSink {

    /** Payloads held for a slow listener: about five seconds of a two-sided call in 20 ms packets. */
    static final int CAPACITY = 500;

    /** One payload, copied off the capture thread's buffer. */
    record Payload(int side, int payloadType, String rtpmap, long rtpTimestamp, byte[] bytes) {
    }

    private static final Payload END = new Payload(0, 0, null, 0, new byte[0]);

    private final BlockingQueue<Payload> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean ended;

    @Override
    public void audio(int side, int payloadType, String rtpmap, long rtpTimestamp, byte[] payload, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(payload, offset, copy, 0, length);
        Payload item = new Payload(side, payloadType, rtpmap, rtpTimestamp, copy);
        while (!queue.offer(item)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    @Override
    public void ended() {
        ended = true;
        queue.offer(END);
    }

    /**
     * The next payload, waiting up to {@code timeoutMillis}.
     *
     * @return the payload, or null when none came in time or the call ended ({@link #callEnded()} tells which)
     */
    Payload take(long timeoutMillis) throws InterruptedException {
        Payload item = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        return item == END ? null : item;
    }

    /** The next payload already queued, or null. */
    Payload poll() {
        Payload item = queue.poll();
        return item == END ? null : item;
    }

    /** Whether the call ended. */
    boolean callEnded() {
        return ended;
    }

    /** How many payloads were dropped because the listener read too slowly. */
    long dropped() {
        return dropped.get();
    }
}
