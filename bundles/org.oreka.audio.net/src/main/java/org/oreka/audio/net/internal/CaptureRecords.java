package org.oreka.audio.net.internal;

import java.io.IOException;

import org.oreka.sdk.capture.CapturedFrame;

/** The record layout of one capture file format, walking its records one frame at a time. */
public interface CaptureRecords {

    /**
     * Points {@code frame} at the next packet record.
     *
     * @return false at the end of the file, or at the first record that is cut short or corrupt
     */
    boolean next(CapturedFrame frame) throws IOException;

    /** Whether reading ended at a record that was cut short or corrupt rather than at a clean end of file. */
    boolean truncated();

    /** The interface (pcapng interface description block, in file order) of the last frame; 0 for classic pcap. */
    int interfaceIndex();
}
