package org.oreka.audio.codec.g722.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;

import org.oreka.sdk.codec.AudioDecoder;

import com.sun.jna.Pointer;

/**
 * Decodes the G.722 payloads of one stream with a spandsp decoder, two 16 kHz samples per byte. Every byte
 * sequence is valid G.722, so only a payload outside its buffer decodes to silence. The native decoder is freed
 * by {@link #close()}, or by the cleaner once this decoder is garbage (the recorder simply drops it).
 */
final class G722Decoder implements AudioDecoder, AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Pointer state;
    private final Cleaner.Cleanable cleanable;
    private byte[] data = new byte[160];
    private short[] samples = new short[320];
    private boolean closed;

    G722Decoder() {
        SpanDsp.ensureBound();
        Pointer created = SpanDsp.g722_decode_init(null, SpanDsp.BIT_RATE, SpanDsp.WIDEBAND_OUTPUT);
        if (created == null) {
            throw new OutOfMemoryError("g722_decode_init could not allocate a G.722 decoder");
        }
        this.state = created;
        this.cleanable = CLEANER.register(this, () -> SpanDsp.g722_decode_free(created));
    }

    @Override
    public int maxSamples(int payloadLength) {
        return 2 * Math.max(0, payloadLength);
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        if (length <= 0) {
            return 0;
        }
        int nominal = maxSamples(length);
        if (closed || offset < 0 || length > payload.length - offset) {
            Arrays.fill(pcm, pcmOffset, pcmOffset + nominal, (short) 0);
            return nominal;
        }
        if (data.length < length) {
            data = new byte[length];
            samples = new short[nominal];
        }
        System.arraycopy(payload, offset, data, 0, length);
        int count;
        try {
            count = SpanDsp.g722_decode(state, samples, data, length);
        } finally {
            // The state must not be freed by the cleaner while spandsp is still using it.
            Reference.reachabilityFence(this);
        }
        count = Math.max(0, Math.min(count, nominal));
        System.arraycopy(samples, 0, pcm, pcmOffset, count);
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
