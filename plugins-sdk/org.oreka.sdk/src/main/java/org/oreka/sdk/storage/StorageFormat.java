package org.oreka.sdk.storage;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A file format recordings can be stored in ({@code pcmwav}, {@code ulaw}, {@code alaw}, {@code gsm},
 * {@code opus}, ...), chosen by the recorder's {@code StorageAudioFormat} key.
 *
 * <p>Register implementations as OSGi services with {@link #PROPERTY_NAME}, the value users write in
 * {@code StorageAudioFormat} (matched case-insensitively).
 */
@ConsumerType
public interface StorageFormat {

    /** Service property: the format's name as written in {@code StorageAudioFormat}. */
    String PROPERTY_NAME = "oreka.storage.format";

    /** The file name extension including the dot, for instance {@code .wav}. */
    String extension();

    /**
     * Creates {@code file} and returns a writer for it.
     *
     * @param file the file to write; its folder exists
     * @param sampleRate samples per second per channel
     * @param channels 1 for mono, 2 for stereo
     * @throws IOException when the file cannot be created
     * @throws IllegalArgumentException when the format cannot store that rate or channel count
     */
    AudioFileWriter create(Path file, int sampleRate, int channels) throws IOException;
}
