package org.oreka.audio.storage.wav.internal;

import org.oreka.sdk.storage.StorageFormat;
import org.osgi.service.component.annotations.Component;

/** The {@code alaw} storage format: G.711 A-law WAV files, 8 bits per sample. */
@Component(service = StorageFormat.class, property = StorageFormat.PROPERTY_NAME + "=alaw")
public class AlawWavStorageFormat extends WavStorageFormat {

    public AlawWavStorageFormat() {
        super(WavEncoding.ALAW);
    }
}
