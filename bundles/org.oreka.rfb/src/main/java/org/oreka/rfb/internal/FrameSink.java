package org.oreka.rfb.internal;

import java.io.IOException;

/** Where a screen recording's frames go, one after the other at the recording's frame rate (the video encoder). */
interface FrameSink {

    /** Writes one frame of the sink's size, four bytes per pixel. */
    void write(byte[] frame) throws IOException;

    /** Writes a black frame. */
    void writeBlank() throws IOException;
}
