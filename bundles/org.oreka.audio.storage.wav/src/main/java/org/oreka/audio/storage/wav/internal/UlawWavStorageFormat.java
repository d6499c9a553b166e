package org.oreka.audio.storage.wav.internal;

import org.oreka.sdk.storage.StorageFormat;
import org.osgi.service.component.annotations.Component;

/** The {@code ulaw} storage format: G.711 µ-law WAV files, 8 bits per sample. */
@Component(service = StorageFormat.class, property = StorageFormat.PROPERTY_NAME + "=ulaw")
public class UlawWavStorageFormat extends WavStorageFormat {

    public UlawWavStorageFormat() {
        super(WavEncoding.ULAW);
    }
}
