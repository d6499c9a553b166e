package org.oreka.audio.storage.wav.internal;

import java.nio.ByteBuffer;

import org.oreka.audio.codec.g711.G711;

/** How samples are stored in a WAV file's data chunk, with the WAVE format tag that announces it. */
enum WavEncoding {
    /** 16-bit little-endian linear PCM ({@code WAVE_FORMAT_PCM}). */
    PCM16(1, 2) {
        @Override
        void encode(short[] pcm, int from, int count, ByteBuffer out) {
            // One bulk copy instead of a bounds-checked put per sample; the buffer is little-endian.
            out.asShortBuffer().put(pcm, from, count);
            out.position(out.position() + 2 * count);
        }
    },
    /** G.711 µ-law ({@code WAVE_FORMAT_MULAW}). */
    ULAW(7, 1) {
        @Override
        void encode(short[] pcm, int from, int count, ByteBuffer out) {
            for (int i = from, end = from + count; i < end; i++) {
                out.put(G711.linearToUlaw(pcm[i]));
            }
        }
    },
    /** G.711 A-law ({@code WAVE_FORMAT_ALAW}). */
    ALAW(6, 1) {
        @Override
        void encode(short[] pcm, int from, int count, ByteBuffer out) {
            for (int i = from, end = from + count; i < end; i++) {
                out.put(G711.linearToAlaw(pcm[i]));
            }
        }
    };

    private final int formatTag;
    private final int bytesPerSample;

    WavEncoding(int formatTag, int bytesPerSample) {
        this.formatTag = formatTag;
        this.bytesPerSample = bytesPerSample;
    }

    /** The {@code wFormatTag} of the {@code fmt } chunk. */
    int formatTag() {
        return formatTag;
    }

    int bytesPerSample() {
        return bytesPerSample;
    }

    /**
     * Whether the file needs the 18-byte {@code WAVEFORMATEX} and a {@code fact} chunk: Microsoft requires both
     * for every format but PCM, and Windows Media Player and ffmpeg rely on them for G.711.
     */
    boolean needsFactChunk() {
        return this != PCM16;
    }

    /** Encodes {@code count} samples from {@code pcm[from]} into {@code out}, which has room for them. */
    abstract void encode(short[] pcm, int from, int count, ByteBuffer out);
}
