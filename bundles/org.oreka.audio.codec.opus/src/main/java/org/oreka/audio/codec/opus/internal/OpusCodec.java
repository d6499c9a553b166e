package org.oreka.audio.codec.opus.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;

/** The opus codec (dynamic payload types, rtpmap {@code opus/48000/2}), decoded to 8 kHz mono. */
final class OpusCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return OpusDecoder.SAMPLE_RATE;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new OpusDecoder();
    }
}
