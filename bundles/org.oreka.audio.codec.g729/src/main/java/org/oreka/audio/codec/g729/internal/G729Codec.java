package org.oreka.audio.codec.g729.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;

/** The G729 codec (static RTP payload type 18, also G.729A and Annex B), 8 kHz. */
final class G729Codec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G729Decoder();
    }
}
