package org.oreka.audio.codec.g711.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/** The PCMU codec (G.711 µ-law, static RTP payload type 0). */
@Component(service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=PCMU",
        AudioCodec.PROPERTY_PAYLOAD_TYPE + ":Integer=0" })
public class PcmuCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return G711Decoder.ULAW;
    }
}
