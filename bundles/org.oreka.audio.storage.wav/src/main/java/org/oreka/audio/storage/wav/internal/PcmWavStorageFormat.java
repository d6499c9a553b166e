package org.oreka.audio.storage.wav.internal;

import org.oreka.sdk.storage.StorageFormat;
import org.osgi.service.component.annotations.Component;

/** The {@code pcmwav} storage format: 16-bit linear PCM WAV files. */
@Component(service = StorageFormat.class, property = StorageFormat.PROPERTY_NAME + "=pcmwav")
public class PcmWavStorageFormat extends WavStorageFormat {

    public PcmWavStorageFormat() {
        super(WavEncoding.PCM16);
    }
}
