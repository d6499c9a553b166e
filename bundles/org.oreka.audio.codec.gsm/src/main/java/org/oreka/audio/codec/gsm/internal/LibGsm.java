package org.oreka.audio.codec.gsm.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The functions of the system libgsm (Debian package {@code libgsm1}) this bundle calls, through JNA's direct
 * mapping: a native stub per function costs about half what an interface proxy does per call, and decoding calls
 * once per 20 ms frame.
 */
final class LibGsm {

    /** The runtime package installs only the versioned name; plain {@code libgsm.so} comes with the -dev package. */
    static final String SONAME = "libgsm.so.1";

    /** {@code gsm_option}: frames packed in pairs into 65 bytes, as Microsoft's GSM 6.10 WAV files hold them. */
    static final int GSM_OPT_WAV49 = 4;

    private static volatile boolean bound;

    private LibGsm() {
    }

    /**
     * Binds the native methods below to the library in {@code fileName} ({@link #SONAME} but in tests), once.
     *
     * @throws UnsatisfiedLinkError when it is not installed
     */
    static synchronized void bind(String fileName) {
        NativeLibrary library = NativeLibrary.getInstance(fileName);
        if (!bound) {
            Native.register(LibGsm.class, library);
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

    static native Pointer gsm_create();

    static native void gsm_destroy(Pointer gsm);

    /** Decodes one 33-byte frame into 160 samples; returns 0, or -1 for a frame without GSM's signature. */
    static native int gsm_decode(Pointer gsm, byte[] frame, short[] samples);

    /** Encodes 160 samples into one frame (in WAV49 mode 32 and 33 bytes alternately). */
    static native void gsm_encode(Pointer gsm, short[] samples, byte[] frame);

    static native int gsm_option(Pointer gsm, int option, IntByReference value);
}
