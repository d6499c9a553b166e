package org.oreka.sdk.capture;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A producer of link-layer frames: a live interface, a capture file or folder, or anything else a plugin
 * reads packets from.
 *
 * <p>Register implementations as OSGi services with {@link #PROPERTY_NAME}. The recorder binds every source
 * dynamically, calls {@link #start(FrameSink)} once it is ready to take frames and {@link #stop()} before it
 * lets go of the service, so a source bundle can be installed, updated or removed while the recorder runs.
 *
 * <p>Threading: a source delivers frames from threads it owns; it must not block in {@code start}. One
 * thread per device keeps frames of a device in order, which the recorder relies on.
 *
 * <p>Failures: a source that loses its device keeps trying to reopen it and reports the problem in
 * {@link #statistics()}; it never lets an exception escape into the sink.
 */
@ConsumerType
public interface CaptureSource {

    /** Service property: the name of the source, shown by {@code oreka:captures}. */
    String PROPERTY_NAME = "oreka.capture.name";

    /**
     * Starts delivering frames to {@code sink}; returns at once.
     *
     * @throws IOException when the source cannot be opened at all (for instance a missing file)
     */
    void start(FrameSink sink) throws IOException;

    /** Stops delivering frames; when it returns, the sink receives nothing more from this source. */
    void stop();

    /** Current counters. */
    CaptureStatistics statistics();
}
