package org.oreka.audio.codec.speex.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The speex codec (dynamic payload types; rtpmap {@code speex/8000}, {@code speex/16000} or {@code speex/32000}),
 * decoded by libspeex to 8 kHz from the narrowband layer of every mode. Enabled by
 * {@link SpeexLibraryCheck} only when the library loads, so without it Speex tapes wait instead of failing.
 */
@Component(enabled = false, service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=speex" })
public class SpeexCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return SpeexDecoder.SAMPLE_RATE;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new SpeexDecoder();
    }
}
