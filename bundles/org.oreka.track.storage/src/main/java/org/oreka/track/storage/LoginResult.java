package org.oreka.track.storage;

import java.time.Instant;

/**
 * The outcome of a password check.
 *
 * @param outcome what happened
 * @param user the user, when the login succeeded
 * @param lockedUntil when a locked account may try again, when it is locked
 */
public record LoginResult(Outcome outcome, User user, Instant lockedUntil) {

    /** Whether the login succeeded. */
    public boolean success() {
        return outcome == Outcome.SUCCESS;
    }

    /** The outcomes of a login; a caller shows every failure but LOCKED with one message, so as not to tell which. */
    public enum Outcome {
        /** The password is right and the user active. */
        SUCCESS,
        /** No such login string, no password set, a wrong password, or a disabled or deleted user. */
        INVALID,
        /** Too many wrong passwords in a row: no password is checked until {@code lockedUntil}. */
        LOCKED
    }
}
