package org.oreka.sdk.capture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link CaptureSource} delivers frames; the platform implements it.
 *
 * <p>Calls come from the source's own thread(s). The sink never throws for bad content: a malformed frame
 * is counted and dropped.
 */
@ProviderType
public interface FrameSink {

    /** Takes one frame. The frame is valid only during this call. */
    void frame(CapturedFrame frame);

    /**
     * Tells the sink a finite source (a capture file) reached its end, so that the calls it carried can be
     * closed with the capture's own clock instead of waiting for timeouts.
     *
     * @param source the source name used in the frames
     * @param lastTimestampMicros capture time of the last frame, microseconds since the epoch
     */
    void endOfCapture(String source, long lastTimestampMicros);
}
