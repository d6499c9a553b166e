package org.oreka.audio.codec.gsm.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The functions of the system libgsm (Debian package {@code libgsm1}) this bundle calls, through JNA. */
interface LibGsm extends Library {

    /** The runtime package installs only the versioned name; plain {@code libgsm.so} comes with the -dev package. */
    String SONAME = "libgsm.so.1";

    /** {@code gsm_option}: frames packed in pairs into 65 bytes, as Microsoft's GSM 6.10 WAV files hold them. */
    int GSM_OPT_WAV49 = 4;

    /**
     * Loads the library from {@code fileName} ({@link #SONAME} but in tests).
     *
     * @throws UnsatisfiedLinkError when it is not installed
     */
    static LibGsm load(String fileName) {
        return Native.load(fileName, LibGsm.class);
    }

    Pointer gsm_create();

    void gsm_destroy(Pointer gsm);

    /** Decodes one 33-byte frame into 160 samples; returns 0, or -1 for a frame without GSM's signature. */
    int gsm_decode(Pointer gsm, byte[] frame, short[] samples);

    /** Encodes 160 samples into one frame (in WAV49 mode 32 and 33 bytes alternately). */
    void gsm_encode(Pointer gsm, short[] samples, byte[] frame);

    int gsm_option(Pointer gsm, int option, IntByReference value);
}
