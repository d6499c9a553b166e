package org.oreka.track.storage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears that a call's (audio) recording started or stopped, once OrkTrack has stored it. Register implementations as
 * OSGi services (whiteboard).
 *
 * <p>Threading: called on OrkTrack's single database writer thread, after the commit; an implementation must return at
 * once (hand any work to its own thread), since every tape message waits behind it. Exceptions are logged and ignored.
 */
@ConsumerType
public interface RecordingListener {

    /** A recording started: {@code call} as live monitoring shows it. */
    void recordingStarted(LiveCall call);

    /** The recording with this orkuid stopped (its {@code stop}, or its {@code ready} when no stop came). */
    void recordingStopped(String orkuid);
}
