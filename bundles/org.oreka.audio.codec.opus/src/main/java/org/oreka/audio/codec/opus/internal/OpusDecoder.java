package org.oreka.audio.codec.opus.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;

import org.oreka.sdk.codec.AudioDecoder;

import com.sun.jna.Pointer;

/**
 * Decodes one stream's Opus packets to 8 kHz mono through a libopus decoder of its own (libopus band-limits and
 * down-mixes itself, better than resampling 48 kHz afterwards). A packet libopus refuses gives silence as long as
 * its table of contents says, else as long as the previous packet; an empty payload gives nothing. The decoder is
 * freed by {@link #close()}, or by the cleaner once it is garbage.
 */
final class OpusDecoder implements AudioDecoder, AutoCloseable {

    static final int SAMPLE_RATE = 8000;
    /** The longest packet Opus allows is 120 ms. */
    static final int MAX_SAMPLES = SAMPLE_RATE * 120 / 1000;
    /** Larger than any packet of 120 ms at Opus's highest bit rate; a larger payload is not Opus. */
    static final int MAX_PACKET_BYTES = 8 * 1275;

    private static final Cleaner CLEANER = Cleaner.create();

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private final short[] samples = new short[MAX_SAMPLES];
    private byte[] packet = new byte[1500];
    private int lastSamples = SAMPLE_RATE / 50;

    /** The native decoder, apart from the Java one so that the cleaner does not keep that reachable. */
    private static final class State implements Runnable {
        private Pointer pointer;

        State(Pointer pointer) {
            this.pointer = pointer;
        }

        @Override
        public void run() {
            if (pointer != null) {
                LibOpus.opus_decoder_destroy(pointer);
                pointer = null;
            }
        }
    }

    /** @throws IllegalStateException when libopus cannot create a decoder */
    OpusDecoder() {
        int[] error = new int[1];
        Pointer pointer = LibOpus.opus_decoder_create(SAMPLE_RATE, 1, error);
        if (pointer == null || error[0] != 0) {
            throw new IllegalStateException("libopus could not create a decoder: error " + error[0]);
        }
        state = new State(pointer);
        cleanable = CLEANER.register(this, state);
    }

    @Override
    public int maxSamples(int payloadLength) {
        return MAX_SAMPLES;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        Objects.checkFromIndexSize(pcmOffset, MAX_SAMPLES, pcm.length);
        if (length == 0) {
            return 0;
        }
        int count = -1;
        if (state.pointer != null && length <= MAX_PACKET_BYTES) {
            if (packet.length < length) {
                packet = new byte[length];
            }
            System.arraycopy(payload, offset, packet, 0, length);
            try {
                count = LibOpus.opus_decode(state.pointer, packet, length, samples, MAX_SAMPLES, 0);
            } finally {
                // The cleaner must not free the decoder while libopus still uses it.
                Reference.reachabilityFence(this);
            }
            if (count < 0) {
                int nominal = LibOpus.opus_packet_get_nb_samples(packet, length, SAMPLE_RATE);
                if (nominal > 0 && nominal <= MAX_SAMPLES) {
                    lastSamples = nominal;
                }
            }
        }
        if (count < 0) {
            Arrays.fill(pcm, pcmOffset, pcmOffset + lastSamples, (short) 0);
            return lastSamples;
        }
        System.arraycopy(samples, 0, pcm, pcmOffset, count);
        lastSamples = count;
        return count;
    }

    /** Frees the native decoder now; the decoder gives silence afterwards. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
