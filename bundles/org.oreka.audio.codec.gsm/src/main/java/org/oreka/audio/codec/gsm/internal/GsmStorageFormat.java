package org.oreka.audio.codec.gsm.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.oreka.sdk.storage.AudioFileWriter;
import org.oreka.sdk.storage.StorageFormat;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code gsm} storage format, Oreka's default: GSM 6.10 WAV files (Microsoft's packing, format tag 0x0031),
 * about 1.6 KB per second. Always mono: stereo recordings are mixed down, because players and ffmpeg decode
 * this format in mono only. Enabled by {@link GsmLibrary} when libgsm loads.
 */
@Component(enabled = false, service = StorageFormat.class, property = StorageFormat.PROPERTY_NAME + "=gsm")
public class GsmStorageFormat implements StorageFormat {

    @Override
    public String extension() {
        return ".wav";
    }

    @Override
    public AudioFileWriter create(Path file, int sampleRate, int channels) throws IOException {
        return Wav49FileWriter.create(file, sampleRate, channels);
    }
}
