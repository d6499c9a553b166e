package org.oreka.audio.storage.wav.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.oreka.sdk.storage.AudioFileWriter;
import org.oreka.sdk.storage.StorageFormat;

/** A storage format that writes recordings as WAV files in one {@link WavEncoding}. */
abstract class WavStorageFormat implements StorageFormat {

    private final WavEncoding encoding;

    WavStorageFormat(WavEncoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public String extension() {
        return ".wav";
    }

    @Override
    public AudioFileWriter create(Path file, int sampleRate, int channels) throws IOException {
        return WavFileWriter.create(file, encoding, sampleRate, channels);
    }
}
