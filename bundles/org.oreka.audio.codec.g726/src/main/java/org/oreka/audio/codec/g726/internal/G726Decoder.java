package org.oreka.audio.codec.g726.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;

import org.oreka.sdk.codec.AudioDecoder;

import com.sun.jna.Pointer;

/**
 * Decodes the G.726 payloads of one stream with a spandsp decoder. Every bit sequence is valid G.726, so only a
 * payload outside its buffer decodes to silence. The native decoder is freed by {@link #close()}, or by the
 * cleaner once this decoder is garbage (the recorder simply drops it).
 */
final class G726Decoder implements AudioDecoder, AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final int bitsPerSample;
    private final Pointer state;
    private final Cleaner.Cleanable cleanable;
    private byte[] data = new byte[0];
    private short[] samples = new short[0];
    private boolean closed;

    G726Decoder(int bitsPerSample, int packing) {
        SpanDsp.ensureBound();
        this.bitsPerSample = bitsPerSample;
        Pointer created = SpanDsp.g726_init(null, 8000 * bitsPerSample, SpanDsp.ENCODING_LINEAR, packing);
        if (created == null) {
            throw new OutOfMemoryError("g726_init could not allocate a G.726 decoder");
        }
        this.state = created;
        this.cleanable = CLEANER.register(this, () -> SpanDsp.g726_free(created));
    }

    /** Codewords may straddle packets at 24 and 40 kbit/s, so bits left from the last payload add one sample. */
    @Override
    public int maxSamples(int payloadLength) {
        return payloadLength <= 0 ? 0 : (8 * payloadLength + bitsPerSample - 1) / bitsPerSample;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        if (length <= 0) {
            return 0;
        }
        int max = maxSamples(length);
        if (closed || offset < 0 || length > payload.length - offset) {
            int nominal = 8 * length / bitsPerSample;
            Arrays.fill(pcm, pcmOffset, pcmOffset + nominal, (short) 0);
            return nominal;
        }
        if (data.length < length) {
            data = new byte[length];
        }
        if (samples.length < max) {
            samples = new short[max];
        }
        System.arraycopy(payload, offset, data, 0, length);
        int count;
        try {
            count = SpanDsp.g726_decode(state, samples, data, length);
        } finally {
            // The state must not be freed by the cleaner while spandsp is still using it.
            Reference.reachabilityFence(this);
        }
        count = Math.max(0, Math.min(count, max));
        System.arraycopy(samples, 0, pcm, pcmOffset, count);
        return count;
    }

    /** Frees the native decoder now; later payloads decode to silence. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
