package org.oreka.audio.codec.g726.internal;

import org.oreka.sdk.codec.AudioCodec;
import org.oreka.sdk.codec.AudioDecoder;

/**
 * A G.726 RTP codec at one rate and packing: 8 kHz audio, {@code bitsPerSample} bits per codeword. RFC 3551's
 * {@code G726-<rate>} packs codewords from the least significant bit of each byte, the {@code AAL2-G726-<rate>}
 * formats from the most significant. Subclasses register one name each; {@link SpanDspLibrary} enables them when
 * spandsp loads.
 */
abstract class G726Codec implements AudioCodec {

    private final int bitsPerSample;
    private final int packing;

    G726Codec(int bitsPerSample, int packing) {
        this.bitsPerSample = bitsPerSample;
        this.packing = packing;
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G726Decoder(bitsPerSample, packing);
    }
}
