package org.oreka.audio.codec.opus.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The opus codec (dynamic payload types, rtpmap {@code opus/48000/2}), decoded by libopus to 8 kHz mono. Enabled by
 * {@link OpusLibraryCheck} only when the library loads, so without it Opus tapes wait instead of failing.
 */
@Component(enabled = false, service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=opus" })
public class OpusCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return OpusDecoder.SAMPLE_RATE;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new OpusDecoder();
    }
}
