package org.oreka.audio.codec.g726.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The G.726 decoder functions of the system spandsp (Debian package {@code libspandsp2}), called through JNA's direct
 * mapping: a native stub per function costs about half what an interface proxy does per call.
 */
final class SpanDsp {

    /** The runtime package installs only the versioned name; plain {@code libspandsp.so} comes with the -dev package. */
    static final String SONAME = "libspandsp.so.2";

    /** {@code g726_init} external coding: 16-bit linear samples. */
    static final int ENCODING_LINEAR = 0;

    /** {@code g726_init} packing: the first codeword in the most significant bits (AAL2, ITU-T I.366.2). */
    static final int PACKING_LEFT = 1;

    /** {@code g726_init} packing: the first codeword in the least significant bits (RFC 3551). */
    static final int PACKING_RIGHT = 2;

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
    static native Pointer g726_init(Pointer state, int bitRate, int externalCoding, int packing);

    /** Decodes {@code length} bytes of packed codewords; returns the number of samples. */
    static native int g726_decode(Pointer state, short[] amp, byte[] data, int length);

    static native int g726_free(Pointer state);
}
