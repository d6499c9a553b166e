package org.oreka.audio.codec.speex.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The decoder functions of the system libspeex (Debian {@code libspeex1}), bound once per class loader by JNA
 * direct mapping, which calls them without reflection.
 */
final class LibSpeex {

    /** The library's soname: the runtime package ships no unversioned link. */
    static final String LIBRARY = "libspeex.so.1";
    /** {@code speex_lib_get_mode} argument of the narrowband mode. */
    static final int MODE_NARROWBAND = 0;
    /** {@code speex_decoder_ctl} request for the samples of one frame. */
    static final int GET_FRAME_SIZE = 3;
    /** Bytes reserved for a {@code SpeexBits} (48 on 64-bit Linux), with room to spare. */
    static final int SPEEX_BITS_BYTES = 128;

    /** Why the library could not be bound, or null when it was. */
    private static final LinkageError UNAVAILABLE = bind();

    private LibSpeex() {
    }

    private static LinkageError bind() {
        try {
            Native.register(LibSpeex.class, NativeLibrary.getInstance(LIBRARY, LibSpeex.class.getClassLoader()));
            return null;
        } catch (LinkageError e) {
            return e;
        }
    }

    /** Why libspeex cannot be used, or null when its functions are bound. */
    static LinkageError unavailable() {
        return UNAVAILABLE;
    }

    static native Pointer speex_lib_get_mode(int mode);

    static native Pointer speex_decoder_init(Pointer mode);

    static native void speex_decoder_destroy(Pointer state);

    static native int speex_decoder_ctl(Pointer state, int request, int[] value);

    /** Decodes the next frame of {@code bits}: 0 when decoded, -1 at the end of the stream, -2 when corrupt. */
    static native int speex_decode_int(Pointer state, Pointer bits, short[] out);

    static native void speex_bits_init(Pointer bits);

    static native void speex_bits_destroy(Pointer bits);

    /** Replaces the content of {@code bits} with {@code length} bytes (copied). */
    static native void speex_bits_read_from(Pointer bits, byte[] bytes, int length);

    static native int speex_bits_remaining(Pointer bits);
}
