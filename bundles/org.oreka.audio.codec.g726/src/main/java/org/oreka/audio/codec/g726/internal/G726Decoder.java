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

    /** Eight codewords fill {@code bitsPerSample} bytes: a payload's samples, rounded down. */
    @Override
    public int maxSamples(int payloadLength) {
        return payloadLength <= 0 ? 0 : 8 * payloadLength / bitsPerSample;
    }

    /**
     * Decodes the payload's whole groups of eight codewords; the bytes of a cut group (at 24 and 40 kbit/s a
     * payload of the wrong size) become silence rather than bits carried into the next payload, which would
     * misalign every later codeword of the stream.
     */
    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        int nominal = maxSamples(length);
        int whole = length <= 0 ? 0 : length - length % bitsPerSample;
        int count = 0;
        if (!closed && whole > 0 && offset >= 0 && length <= payload.length - offset) {
            if (data.length < whole) {
                data = new byte[whole];
                samples = new short[nominal];
            }
            System.arraycopy(payload, offset, data, 0, whole);
            try {
                count = SpanDsp.g726_decode(state, samples, data, whole);
            } finally {
                // The state must not be freed by the cleaner while spandsp is still using it.
                Reference.reachabilityFence(this);
            }
            count = Math.max(0, Math.min(count, nominal));
            System.arraycopy(samples, 0, pcm, pcmOffset, count);
        }
        Arrays.fill(pcm, pcmOffset + count, pcmOffset + nominal, (short) 0);
        return nominal;
    }

    /** Frees the native decoder now; later payloads decode to silence. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
