package org.oreka.audio.codec.ilbc.internal;

import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Binds the system FFmpeg libraries (Debian {@code libavcodec59} with {@code libavutil57}, or the later pairs) once
 * per class loader, and the layout of the two structures the decoder fills itself: the {@code data} and
 * {@code size} of an {@code AVPacket}, the samples of an {@code AVFrame}, which have kept their place in every one
 * of these versions.
 */
final class Ffmpeg {

    /** libavcodec and the libavutil it was built with, by soname: Debian 12, FFmpeg 6 and FFmpeg 7. */
    static final List<List<String>> LIBRARIES = List.of(List.of("libavcodec.so.59", "libavutil.so.57"),
            List.of("libavcodec.so.60", "libavutil.so.58"), List.of("libavcodec.so.61", "libavutil.so.59"));

    static final int PACKET_DATA = 24;
    static final int PACKET_SIZE = 32;
    static final int FRAME_DATA = 0;
    static final int FRAME_SAMPLES = 112;
    static final int FRAME_FORMAT = 116;
    /** {@code AV_SAMPLE_FMT_S16}, the format FFmpeg's iLBC decoder gives. */
    static final int SAMPLE_FORMAT_S16 = 1;

    /** Why the libraries could not be bound, or null when they were. */
    private static final LinkageError UNAVAILABLE = bind();

    private Ffmpeg() {
    }

    private static LinkageError bind() {
        LinkageError first = null;
        for (List<String> pair : LIBRARIES) {
            try {
                NativeLibrary avcodec = NativeLibrary.getInstance(pair.get(0), Ffmpeg.class.getClassLoader());
                NativeLibrary avutil = NativeLibrary.getInstance(pair.get(1), Ffmpeg.class.getClassLoader());
                Native.register(LibAvcodec.class, avcodec);
                Native.register(LibAvutil.class, avutil);
                int major = LibAvcodec.avcodec_version() >>> 16;
                if (!pair.get(0).endsWith("." + major)) {
                    return new UnsatisfiedLinkError(pair.get(0) + " reports version " + major);
                }
                if (LibAvcodec.avcodec_find_decoder_by_name("ilbc") == null) {
                    return new UnsatisfiedLinkError(pair.get(0) + " has no iLBC decoder");
                }
                LibAvutil.av_log_set_level(LibAvutil.LOG_QUIET);
                return null;
            } catch (LinkageError e) {
                first = first == null ? e : first;
            }
        }
        return first;
    }

    /** Why FFmpeg's iLBC decoder cannot be used, or null when it can. */
    static LinkageError unavailable() {
        return UNAVAILABLE;
    }

    /** The sonames looked for, for messages. */
    static String names() {
        return String.join(", ", LIBRARIES.stream().map(pair -> pair.get(0)).toList());
    }
}
