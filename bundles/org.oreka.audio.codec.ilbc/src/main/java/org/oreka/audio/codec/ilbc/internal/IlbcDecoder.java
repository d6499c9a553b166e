package org.oreka.audio.codec.ilbc.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.oreka.sdk.codec.AudioDecoder;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Decodes one stream's iLBC payloads (RFC 3952: whole frames of one mode, 38 bytes for 20 ms or 50 bytes for 30 ms)
 * through FFmpeg's iLBC decoder, one decoder context per mode, opened when the stream first uses it; the payload
 * size tells the mode, as the SDP's {@code mode} parameter would. A payload of whole frames of neither size, or one
 * FFmpeg refuses, gives silence as long as its frames (or the previous frame). The native state is freed by
 * {@link #close()}, or by the cleaner once the decoder is garbage.
 */
final class IlbcDecoder implements AudioDecoder, AutoCloseable {

    /** Frame bytes, samples and bit rate of the 20 ms and 30 ms modes; FFmpeg picks the mode by the bit rate. */
    private static final int[] FRAME_BYTES = {38, 50};
    private static final int[] FRAME_SAMPLES = {160, 240};
    private static final int[] BIT_RATE = {15200, 13330};
    /** Frames decoded from one payload at most; more would be a hostile payload. */
    static final int MAX_FRAMES = 16;
    /** FFmpeg reads up to {@code AV_INPUT_BUFFER_PADDING_SIZE} bytes past a packet's end. */
    private static final int PADDING = 64;
    private static final int BUFFER_BYTES = MAX_FRAMES * 50 + PADDING;

    private static final Cleaner CLEANER = Cleaner.create();

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private int lastSamples = FRAME_SAMPLES[1];

    /** The native decoder contexts, packet, frame and packet buffer, apart from the decoder for the cleaner. */
    private static final class State implements Runnable {
        private final Pointer[] contexts = new Pointer[2];
        private final Pointer packet;
        private final Pointer frame;
        private final long buffer = Native.malloc(BUFFER_BYTES);
        private final long holder = Native.malloc(Native.POINTER_SIZE);
        private boolean freed;

        State() {
            packet = LibAvcodec.av_packet_alloc();
            frame = LibAvutil.av_frame_alloc();
            if (buffer == 0 || holder == 0 || packet == null || frame == null) {
                run();
                throw new IllegalStateException("FFmpeg could not allocate an iLBC packet and frame");
            }
            new Pointer(buffer).clear(BUFFER_BYTES);
        }

        /** The open decoder context of a mode (0: 20 ms, 1: 30 ms), or null when FFmpeg cannot open one. */
        Pointer context(int mode) {
            if (contexts[mode] == null) {
                Pointer codec = LibAvcodec.avcodec_find_decoder_by_name("ilbc");
                Pointer context = codec == null ? null : LibAvcodec.avcodec_alloc_context3(codec);
                if (context == null) {
                    return null;
                }
                if (LibAvutil.av_opt_set_int(context, "b", BIT_RATE[mode], 0) < 0
                        || LibAvcodec.avcodec_open2(context, codec, null) < 0) {
                    free(LibAvcodec::avcodec_free_context, context);
                    return null;
                }
                contexts[mode] = context;
            }
            return contexts[mode];
        }

        /** Calls one of FFmpeg's {@code *_free(T **)} functions on {@code pointer}. */
        private void free(Consumer<Pointer> function, Pointer pointer) {
            if (pointer != null && holder != 0) {
                Pointer slot = new Pointer(holder);
                slot.setPointer(0, pointer);
                function.accept(slot);
            }
        }

        @Override
        public void run() {
            if (freed) {
                return;
            }
            freed = true;
            for (Pointer context : contexts) {
                free(LibAvcodec::avcodec_free_context, context);
            }
            free(LibAvcodec::av_packet_free, packet);
            free(LibAvutil::av_frame_free, frame);
            Native.free(buffer);
            Native.free(holder);
        }
    }

    /** @throws IllegalStateException when FFmpeg is not bound or cannot allocate its packet and frame */
    IlbcDecoder() {
        // Binds the libraries, if no one has yet.
        if (Ffmpeg.unavailable() != null) {
            throw new IllegalStateException("FFmpeg's iLBC decoder is not available", Ffmpeg.unavailable());
        }
        state = new State();
        cleanable = CLEANER.register(this, state);
    }

    @Override
    public int maxSamples(int payloadLength) {
        return FRAME_SAMPLES[1] * Math.max(1, Math.min(MAX_FRAMES, payloadLength / FRAME_BYTES[0]));
    }

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        Objects.checkFromIndexSize(pcmOffset, maxSamples(length), pcm.length);
        if (length == 0) {
            return 0;
        }
        int mode = length % FRAME_BYTES[1] == 0 ? 1 : length % FRAME_BYTES[0] == 0 ? 0 : -1;
        if (mode < 0 || length / FRAME_BYTES[mode] > MAX_FRAMES || state.freed) {
            Arrays.fill(pcm, pcmOffset, pcmOffset + lastSamples, (short) 0);
            return lastSamples;
        }
        int expected = length / FRAME_BYTES[mode] * FRAME_SAMPLES[mode];
        int written = 0;
        try {
            Pointer context = state.context(mode);
            // FFmpeg's iLBC decoder takes one frame from a packet and drops the rest: one packet per frame.
            for (int at = 0; context != null && at < length; at += FRAME_BYTES[mode]) {
                written += decodeFrame(context, payload, offset + at, mode, pcm, pcmOffset + written);
            }
        } finally {
            // The cleaner must not free the contexts while FFmpeg still uses them.
            Reference.reachabilityFence(this);
        }
        Arrays.fill(pcm, pcmOffset + written, pcmOffset + expected, (short) 0);
        lastSamples = FRAME_SAMPLES[mode];
        return expected;
    }

    /** Decodes one frame of {@code mode}: its samples, or silence in their place when FFmpeg refuses it. */
    private int decodeFrame(Pointer context, byte[] payload, int offset, int mode, short[] pcm, int pcmOffset) {
        int frameSamples = FRAME_SAMPLES[mode];
        Pointer buffer = new Pointer(state.buffer);
        buffer.write(0, payload, offset, FRAME_BYTES[mode]);
        buffer.share(FRAME_BYTES[mode]).clear(PADDING);
        state.packet.setPointer(Ffmpeg.PACKET_DATA, buffer);
        state.packet.setInt(Ffmpeg.PACKET_SIZE, FRAME_BYTES[mode]);
        int written = 0;
        if (LibAvcodec.avcodec_send_packet(context, state.packet) >= 0) {
            while (LibAvcodec.avcodec_receive_frame(context, state.frame) >= 0) {
                int samples = Math.min(state.frame.getInt(Ffmpeg.FRAME_SAMPLES), frameSamples - written);
                if (state.frame.getInt(Ffmpeg.FRAME_FORMAT) == Ffmpeg.SAMPLE_FORMAT_S16 && samples > 0) {
                    state.frame.getPointer(Ffmpeg.FRAME_DATA).read(0, pcm, pcmOffset + written, samples);
                    written += samples;
                }
                LibAvutil.av_frame_unref(state.frame);
            }
        }
        Arrays.fill(pcm, pcmOffset + written, pcmOffset + frameSamples, (short) 0);
        return frameSamples;
    }

    /** Frees the native state now; the decoder gives silence afterwards. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
