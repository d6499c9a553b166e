package org.oreka.sdk.capture;

/**
 * Counters of one capture source, as shown by {@code oreka:captures}.
 *
 * @param source the source's name
 * @param received frames read
 * @param dropped frames the kernel or driver dropped (live capture only; 0 for files)
 * @param interfaceDropped frames the interface dropped (live capture only)
 * @param running whether the source is capturing now
 * @param lastError the last error the source met, or an empty string
 */
public record CaptureStatistics(String source, long received, long dropped, long interfaceDropped, boolean running,
        String lastError) {
}
