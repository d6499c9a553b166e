package org.oreka.audio.eventstream.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events waiting for one stream client: a bounded buffer that drops (and counts) its oldest event when the
 * client reads too slowly, so the recorder never waits for a client.
 */
final class EventSession {

    private final int capacity;
    private final ArrayDeque<String> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private long dropped;
    private boolean ended;

    EventSession(int capacity) {
        this.capacity = capacity;
    }

    /** Adds an event; never blocks. */
    void offer(String event) {
        lock.lock();
        try {
            if (events.size() == capacity) {
                events.pollFirst();
                dropped++;
            }
            events.addLast(event);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting up to {@code millis}; null when none came or the session ended. */
    String take(long millis) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (events.isEmpty() && !ended && left > 0) {
                left = arrived.awaitNanos(left);
            }
            return ended ? null : events.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the session: {@link #take(long)} returns null from now on. */
    void end() {
        lock.lock();
        try {
            ended = true;
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    /** How many events were dropped because the client read too slowly. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
