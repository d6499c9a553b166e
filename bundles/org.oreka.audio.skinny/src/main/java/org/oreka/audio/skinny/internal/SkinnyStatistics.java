package org.oreka.audio.skinny.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the decoder could not use, so that a span port feeding it garbage shows up in the log. */
final class SkinnyStatistics {

    final AtomicLong malformedMessages = new AtomicLong();
    final AtomicLong unattributedStreams = new AtomicLong();
    final AtomicLong recordingForks = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    @Override
    public String toString() {
        return "malformed messages " + malformedMessages + ", streams without a call " + unattributedStreams
                + ", call-manager recording forks skipped " + recordingForks + ", decoding failures " + failures;
    }
}
