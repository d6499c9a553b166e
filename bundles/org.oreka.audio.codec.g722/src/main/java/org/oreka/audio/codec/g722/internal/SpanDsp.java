package org.oreka.audio.codec.g722.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The G.722 decoder functions of the system spandsp (Debian package {@code libspandsp2}), called through JNA. */
interface SpanDsp extends Library {

    /** The runtime package installs only the versioned name; plain {@code libspandsp.so} comes with the -dev package. */
    String SONAME = "libspandsp.so.2";

    /** G.722's only rate in RTP (RFC 3551): 64 kbit/s, no bits given up to data. */
    int BIT_RATE = 64000;

    /** {@code g722_decode_init} options: 0 is 16 kHz output, unpacked 8-bit codewords. */
    int WIDEBAND_OUTPUT = 0;

    /**
     * Loads the library from {@code fileName} ({@link #SONAME} but in tests).
     *
     * @throws UnsatisfiedLinkError when it is not installed
     */
    static SpanDsp load(String fileName) {
        return Native.load(fileName, SpanDsp.class);
    }

    /** Allocates a decoder when {@code state} is null. */
    Pointer g722_decode_init(Pointer state, int rate, int options);

    /** Decodes {@code length} bytes into two samples each; returns the number of samples. */
    int g722_decode(Pointer state, short[] amp, byte[] data, int length);

    int g722_decode_free(Pointer state);
}
