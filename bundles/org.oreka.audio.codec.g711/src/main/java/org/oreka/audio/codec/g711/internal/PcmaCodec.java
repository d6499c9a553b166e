package org.oreka.audio.codec.g711.internal;

import org.oreka.audio.codec.g711.G711;
import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;
import org.osgi.service.component.annotations.Component;

/** The PCMA codec (G.711 A-law, static RTP payload type 8). */
@Component(service = AudioCodec.class, property = {
        AudioCodec.PROPERTY_NAME + "=PCMA",
        AudioCodec.PROPERTY_PAYLOAD_TYPE + ":Integer=8" })
public class PcmaCodec implements AudioCodec {

    /** A-law keeps no state between packets, so every stream can share one decoder. */
    private static final AudioDecoder DECODER = new AudioDecoder() {
        @Override
        public int maxSamples(int payloadLength) {
            return payloadLength;
        }

        @Override
        public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
            G711.alawToLinear(payload, offset, length, pcm, pcmOffset);
            return length;
        }
    };

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return DECODER;
    }
}
