package org.oreka.audio.codec.g729.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;

import org.oreka.sdk.codec.AudioDecoder;

import com.sun.jna.Pointer;

/**
 * Decodes one stream's G.729 payloads (RFC 3551: any number of 10-byte frames of 10 ms, optionally followed by one
 * 2-byte Annex B SID frame) through a libbcg729 decoder channel of its own. A payload of any other size is not
 * G.729 and gives silence as long as its frames would be. The channel is freed by {@link #close()}, or by the
 * cleaner once the decoder is garbage.
 */
final class G729Decoder implements AudioDecoder, AutoCloseable {

    static final int FRAME_BYTES = 10;
    static final int SID_BYTES = 2;
    static final int FRAME_SAMPLES = 80;

    private static final Cleaner CLEANER = Cleaner.create();

    private final Channel channel;
    private final Cleaner.Cleanable cleanable;
    private final byte[] frame = new byte[FRAME_BYTES];
    private final short[] signal = new short[FRAME_SAMPLES];

    /** The native channel, apart from the decoder so that the cleaner does not keep the decoder reachable. */
    private static final class Channel implements Runnable {
        private Pointer pointer;

        Channel(Pointer pointer) {
            this.pointer = pointer;
        }

        @Override
        public void run() {
            if (pointer != null) {
                Bcg729.closeBcg729DecoderChannel(pointer);
                pointer = null;
            }
        }
    }

    /** @throws IllegalStateException when libbcg729 cannot allocate a channel */
    G729Decoder() {
        Pointer pointer = Bcg729.initBcg729DecoderChannel();
        if (pointer == null) {
            throw new IllegalStateException("libbcg729 could not allocate a decoder channel");
        }
        channel = new Channel(pointer);
        cleanable = CLEANER.register(this, channel);
    }

    @Override
    public int maxSamples(int payloadLength) {
        return (payloadLength / FRAME_BYTES + 1) * FRAME_SAMPLES;
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        int frames = length / FRAME_BYTES;
        int rest = length % FRAME_BYTES;
        int samples = (frames + (rest == 0 ? 0 : 1)) * FRAME_SAMPLES;
        Objects.checkFromIndexSize(pcmOffset, samples, pcm.length);
        if (channel.pointer == null || (rest != 0 && rest != SID_BYTES)) {
            Arrays.fill(pcm, pcmOffset, pcmOffset + samples, (short) 0);
            return samples;
        }
        try {
            for (int i = 0; i < frames; i++) {
                System.arraycopy(payload, offset + i * FRAME_BYTES, frame, 0, FRAME_BYTES);
                Bcg729.bcg729Decoder(channel.pointer, frame, (byte) FRAME_BYTES, (byte) 0, (byte) 0, (byte) 0, signal);
                System.arraycopy(signal, 0, pcm, pcmOffset + i * FRAME_SAMPLES, FRAME_SAMPLES);
            }
            if (rest == SID_BYTES) {
                System.arraycopy(payload, offset + frames * FRAME_BYTES, frame, 0, SID_BYTES);
                Bcg729.bcg729Decoder(channel.pointer, frame, (byte) SID_BYTES, (byte) 0, (byte) 1, (byte) 0, signal);
                System.arraycopy(signal, 0, pcm, pcmOffset + frames * FRAME_SAMPLES, FRAME_SAMPLES);
            }
        } finally {
            // The cleaner must not free the channel while libbcg729 still uses it.
            Reference.reachabilityFence(this);
        }
        return samples;
    }

    /** Frees the native channel now; the decoder gives silence afterwards. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
