package org.oreka.sdk.storage;

import java.io.Closeable;
import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes 16-bit PCM into one recording file; {@link #close()} completes the file (headers, trailers).
 * Used by one thread.
 */
@ConsumerType
public interface AudioFileWriter extends Closeable {

    /**
     * Appends samples.
     *
     * @param pcm interleaved samples, one per channel per frame
     * @param offset index of the first sample
     * @param frames number of frames (samples per channel) to write
     */
    void write(short[] pcm, int offset, int frames) throws IOException;
}
