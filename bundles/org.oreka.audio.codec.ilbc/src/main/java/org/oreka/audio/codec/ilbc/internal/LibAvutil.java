package org.oreka.audio.codec.ilbc.internal;

import com.sun.jna.Pointer;

/** The functions of FFmpeg's libavutil the iLBC decoder needs, bound by {@link Ffmpeg} (JNA direct mapping). */
final class LibAvutil {

    /** {@code AV_LOG_QUIET}: libav* would otherwise write every decoding error on the process's standard error. */
    static final int LOG_QUIET = -8;

    private LibAvutil() {
    }

    static native int av_opt_set_int(Pointer object, String name, long value, int flags);

    static native Pointer av_frame_alloc();

    static native void av_frame_unref(Pointer frame);

    /** Frees the frame {@code holder} points to and sets that pointer to null. */
    static native void av_frame_free(Pointer holder);

    static native void av_log_set_level(int level);
}
