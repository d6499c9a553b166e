package org.oreka.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows password guessing from one address over many login strings (the database locks a single user after
 * repeated failures): an address with {@link #MAX_FAILURES} failed logins within {@link #WINDOW} is refused until
 * the window ends.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Addresses kept at most, so that a flood of addresses cannot fill the memory. */
    private static final int MAX_ADDRESSES = 100_000;

    private final ConcurrentMap<String, Window> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether the address may try a password now. */
    boolean allowed(String address) {
        Window window = failures.get(address);
        return window == null || window.expired(clock.instant()) || window.count < MAX_FAILURES;
    }

    void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(w -> w.expired(now));
        }
        failures.compute(address, (a, w) -> w == null || w.expired(now) ? new Window(now, 1) : new Window(w.start, w.count + 1));
    }

    void succeeded(String address) {
        failures.remove(address);
    }

    private record Window(Instant start, int count) {
        boolean expired(Instant now) {
            return now.isAfter(start.plus(WINDOW));
        }
    }
}
