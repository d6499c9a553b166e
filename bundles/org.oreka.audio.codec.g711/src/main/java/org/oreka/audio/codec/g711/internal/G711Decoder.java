package org.oreka.audio.codec.g711.internal;

import org.oreka.audio.codec.g711.G711;
import org.oreka.sdk.codec.AudioDecoder;

/**
 * Decodes G.711 payloads, one sample per byte. G.711 keeps no state between packets, so the two instances serve
 * every stream.
 */
final class G711Decoder implements AudioDecoder {

    static final G711Decoder ULAW = new G711Decoder(true);
    static final G711Decoder ALAW = new G711Decoder(false);

    private final boolean ulaw;

    private G711Decoder(boolean ulaw) {
        this.ulaw = ulaw;
    }

    @Override
    public int maxSamples(int payloadLength) {
        return payloadLength;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        if (ulaw) {
            G711.ulawToLinear(payload, offset, length, pcm, pcmOffset);
        } else {
            G711.alawToLinear(payload, offset, length, pcm, pcmOffset);
        }
        return length;
    }
}
