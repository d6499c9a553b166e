package org.oreka.audio.codec.ilbc.internal;

import com.sun.jna.Pointer;

/** The decoding functions of FFmpeg's libavcodec, bound by {@link Ffmpeg} (JNA direct mapping). */
final class LibAvcodec {

    private LibAvcodec() {
    }

    static native int avcodec_version();

    static native Pointer avcodec_find_decoder_by_name(String name);

    static native Pointer avcodec_alloc_context3(Pointer codec);

    static native int avcodec_open2(Pointer context, Pointer codec, Pointer options);

    /** Frees the context {@code holder} points to and sets that pointer to null. */
    static native void avcodec_free_context(Pointer holder);

    static native int avcodec_send_packet(Pointer context, Pointer packet);

    static native int avcodec_receive_frame(Pointer context, Pointer frame);

    static native Pointer av_packet_alloc();

    /** Frees the packet {@code holder} points to and sets that pointer to null. */
    static native void av_packet_free(Pointer holder);
}
