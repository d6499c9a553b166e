package org.oreka.audio.codec.g711.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/** The PCMA codec (G.711 A-law, static RTP payload type 8). */
@Component(service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=PCMA",
        AudioCodec.PROPERTY_PAYLOAD_TYPE + ":Integer=8" })
public class PcmaCodec implements AudioCodec {

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return G711Decoder.ALAW;
    }
}
