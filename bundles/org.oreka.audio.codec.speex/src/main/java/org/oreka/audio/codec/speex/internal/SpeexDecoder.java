package org.oreka.audio.codec.speex.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;

import org.oreka.sdk.codec.AudioDecoder;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Decodes one stream's Speex payloads (RFC 5574: one or more frames of 20 ms) to 8 kHz through a libspeex
 * narrowband decoder of its own. Speex's wideband and ultra-wideband bitstreams are embedded: every frame starts
 * with a narrowband frame of the 0-4 kHz band, followed by the higher bands' bits, which the narrowband decoder
 * skips. So one decoder reads streams of every mode, whatever their rtpmap clock rate, and keeps exactly the band
 * an 8 kHz recording holds. A payload libspeex finds corrupt gives what was decoded before the fault, or one
 * frame of silence. The decoder is freed by {@link #close()}, or by the cleaner once it is garbage.
 */
final class SpeexDecoder implements AudioDecoder, AutoCloseable {

    static final int SAMPLE_RATE = 8000;
    static final int FRAME_SAMPLES = 160;
    /** Frames decoded from one payload at most: RFC 5574 packs a few; more would be a hostile payload. */
    static final int MAX_FRAMES = 16;
    /** The smallest narrowband frame is 5 bits (a wideband flag and a mode of 0). */
    private static final int MIN_FRAME_BITS = 5;
    /** Larger than any payload of {@link #MAX_FRAMES} frames at Speex's highest bit rate. */
    static final int MAX_PAYLOAD_BYTES = 1500;

    private static final Cleaner CLEANER = Cleaner.create();

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private final short[] frame = new short[FRAME_SAMPLES];
    private final byte[] packet = new byte[MAX_PAYLOAD_BYTES];

    /** The native decoder and bit buffer, apart from the Java decoder so that the cleaner does not keep it reachable. */
    private static final class State implements Runnable {
        private Pointer decoder;
        private final long bitsAddress;
        private final Pointer bits;

        State(Pointer decoder, long bitsAddress) {
            this.decoder = decoder;
            this.bitsAddress = bitsAddress;
            this.bits = new Pointer(bitsAddress);
            LibSpeex.speex_bits_init(bits);
        }

        @Override
        public void run() {
            if (decoder != null) {
                LibSpeex.speex_decoder_destroy(decoder);
                LibSpeex.speex_bits_destroy(bits);
                Native.free(bitsAddress);
                decoder = null;
            }
        }
    }

    /** @throws IllegalStateException when libspeex cannot create a decoder */
    SpeexDecoder() {
        Pointer decoder = LibSpeex.speex_decoder_init(LibSpeex.speex_lib_get_mode(LibSpeex.MODE_NARROWBAND));
        if (decoder == null) {
            throw new IllegalStateException("libspeex could not create a narrowband decoder");
        }
        int[] frameSize = new int[1];
        LibSpeex.speex_decoder_ctl(decoder, LibSpeex.GET_FRAME_SIZE, frameSize);
        long bitsAddress = Native.malloc(LibSpeex.SPEEX_BITS_BYTES);
        if (frameSize[0] != FRAME_SAMPLES || bitsAddress == 0) {
            LibSpeex.speex_decoder_destroy(decoder);
            Native.free(bitsAddress);
            throw new IllegalStateException("libspeex narrowband decoder unusable: frame size " + frameSize[0]);
        }
        state = new State(decoder, bitsAddress);
        cleanable = CLEANER.register(this, state);
    }

    @Override
    public int maxSamples(int payloadLength) {
        return FRAME_SAMPLES * Math.max(1, Math.min(MAX_FRAMES, payloadLength * 8 / MIN_FRAME_BITS));
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        int max = maxSamples(length);
        Objects.checkFromIndexSize(pcmOffset, max, pcm.length);
        if (length == 0) {
            return 0;
        }
        int samples = 0;
        if (state.decoder != null && length <= MAX_PAYLOAD_BYTES) {
            System.arraycopy(payload, offset, packet, 0, length);
            try {
                LibSpeex.speex_bits_read_from(state.bits, packet, length);
                // Trailing bits of the higher bands of the last frame, or padding, are fewer than a frame.
                while (samples < max && LibSpeex.speex_bits_remaining(state.bits) >= MIN_FRAME_BITS
                        && LibSpeex.speex_decode_int(state.decoder, state.bits, frame) == 0) {
                    System.arraycopy(frame, 0, pcm, pcmOffset + samples, FRAME_SAMPLES);
                    samples += FRAME_SAMPLES;
                }
            } finally {
                // The cleaner must not free the decoder while libspeex still uses it.
                Reference.reachabilityFence(this);
            }
        }
        if (samples == 0) {
            Arrays.fill(pcm, pcmOffset, pcmOffset + FRAME_SAMPLES, (short) 0);
            return FRAME_SAMPLES;
        }
        return samples;
    }

    /** Frees the native decoder now; the decoder gives silence afterwards. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
