package org.oreka.audio.codec.speex.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;

/**
 * The speex codec (dynamic payload types; rtpmap {@code speex/8000}, {@code speex/16000} or {@code speex/32000}),
 * decoded to 8 kHz from the narrowband layer of every mode.
 */
final class SpeexCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return SpeexDecoder.SAMPLE_RATE;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new SpeexDecoder();
    }
}
