package org.oreka.audio.codec.g722.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The G.722 decoder functions of the system spandsp (Debian package {@code libspandsp2}), called through JNA's direct
 * mapping: a native stub per function costs about half what an interface proxy does per call.
 */
final class SpanDsp {

    /** The runtime package installs only the versioned name; plain {@code libspandsp.so} comes with the -dev package. */
    static final String SONAME = "libspandsp.so.2";

    /** G.722's only rate in RTP (RFC 3551): 64 kbit/s, no bits given up to data. */
    static final int BIT_RATE = 64000;

    /** {@code g722_decode_init} options: 0 is 16 kHz output, unpacked 8-bit codewords. */
    static final int WIDEBAND_OUTPUT = 0;

    private static volatile boolean bound;

    private SpanDsp() {
    }

    /**
     * Binds the native methods below to the library in {@code fileName} ({@link #SONAME} but in tests), once.
     *
     * @throws UnsatisfiedLinkError when it is not installed
     */
    static synchronized void bind(String fileName) {
        NativeLibrary library = NativeLibrary.getInstance(fileName);
        if (!bound) {
            Native.register(SpanDsp.class, library);
            bound = true;
        }
    }

    /**
     * Binds the native methods to the installed library unless done already.
     *
     * @throws UnsatisfiedLinkError when it is not installed
     */
    static void ensureBound() {
        if (!bound) {
            bind(SONAME);
        }
    }

    /** Allocates a decoder when {@code state} is null. */
    static native Pointer g722_decode_init(Pointer state, int rate, int options);

    /** Decodes {@code length} bytes into two samples each; returns the number of samples. */
    static native int g722_decode(Pointer state, short[] amp, byte[] data, int length);

    static native int g722_decode_free(Pointer state);
}
