package org.oreka.audio.codec.g726.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The G.726 decoder functions of the system spandsp (Debian package {@code libspandsp2}), called through JNA. */
interface SpanDsp extends Library {

    /** The runtime package installs only the versioned name; plain {@code libspandsp.so} comes with the -dev package. */
    String SONAME = "libspandsp.so.2";

    /** {@code g726_init} external coding: 16-bit linear samples. */
    int ENCODING_LINEAR = 0;

    /** {@code g726_init} packing: the first codeword in the most significant bits (AAL2, ITU-T I.366.2). */
    int PACKING_LEFT = 1;

    /** {@code g726_init} packing: the first codeword in the least significant bits (RFC 3551). */
    int PACKING_RIGHT = 2;

    /**
     * Loads the library from {@code fileName} ({@link #SONAME} but in tests).
     *
     * @throws UnsatisfiedLinkError when it is not installed
     */
    static SpanDsp load(String fileName) {
        return Native.load(fileName, SpanDsp.class);
    }

    /** Allocates a decoder when {@code state} is null. */
    Pointer g726_init(Pointer state, int bitRate, int externalCoding, int packing);

    /** Decodes {@code length} bytes of packed codewords; returns the number of samples. */
    int g726_decode(Pointer state, short[] amp, byte[] data, int length);

    int g726_free(Pointer state);
}
