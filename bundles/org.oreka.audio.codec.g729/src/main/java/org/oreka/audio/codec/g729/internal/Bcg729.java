package org.oreka.audio.codec.g729.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The decoder functions of the system libbcg729 (Debian {@code libbcg729-0}), bound once per class loader by JNA
 * direct mapping, which calls them without reflection.
 */
final class Bcg729 {

    /** The library's soname: the runtime package ships no unversioned link. */
    static final String LIBRARY = "libbcg729.so.0";

    /** Why the library could not be bound, or null when it was. */
    private static final LinkageError UNAVAILABLE = bind();

    private Bcg729() {
    }

    private static LinkageError bind() {
        try {
            Native.register(Bcg729.class, NativeLibrary.getInstance(LIBRARY, Bcg729.class.getClassLoader()));
            return null;
        } catch (LinkageError e) {
            return e;
        }
    }

    /** Why libbcg729 cannot be used, or null when its functions are bound. */
    static LinkageError unavailable() {
        return UNAVAILABLE;
    }

    static native Pointer initBcg729DecoderChannel();

    static native void closeBcg729DecoderChannel(Pointer channel);

    /**
     * Decodes one frame into 80 samples.
     *
     * @param length 10 for a speech frame, 2 for an Annex B SID frame
     * @param erasure 1 to conceal a lost frame instead of decoding {@code bitStream}
     * @param sid 1 when the frame is a SID frame
     * @param rfc3389 1 when a SID frame is an RFC 3389 comfort-noise payload instead
     */
    static native void bcg729Decoder(Pointer channel, byte[] bitStream, byte length, byte erasure, byte sid,
            byte rfc3389, short[] signal);
}
