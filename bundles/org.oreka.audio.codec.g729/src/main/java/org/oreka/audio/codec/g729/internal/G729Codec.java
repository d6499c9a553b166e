package org.oreka.audio.codec.g729.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The G729 codec (static RTP payload type 18, also G.729A and Annex B), 8 kHz, decoded by libbcg729. Enabled by
 * {@link G729LibraryCheck} only when the library loads, so without it G.729 tapes wait instead of failing.
 */
@Component(enabled = false, service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=G729",
        AudioCodec.PROPERTY_PAYLOAD_TYPE + ":Integer=18" })
public class G729Codec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G729Decoder();
    }
}
