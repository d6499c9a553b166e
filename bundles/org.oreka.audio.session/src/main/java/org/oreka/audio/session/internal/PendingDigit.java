package org.oreka.audio.session.internal;

/** A DTMF digit seen before its session started recording, reported when it starts. */
record PendingDigit(String digit, long atMicros) {
}
