package org.oreka.audio.codec.opus.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The decoder functions of the system libopus (Debian {@code libopus0}), bound once per class loader by JNA direct
 * mapping, which calls them without reflection.
 */
final class LibOpus {

    /** The library's soname: the runtime package ships no unversioned link. */
    static final String LIBRARY = "libopus.so.0";

    /** Why the library could not be bound, or null when it was. */
    private static final LinkageError UNAVAILABLE = bind();

    private LibOpus() {
    }

    private static LinkageError bind() {
        try {
            Native.register(LibOpus.class, NativeLibrary.getInstance(LIBRARY, LibOpus.class.getClassLoader()));
            return null;
        } catch (LinkageError e) {
            return e;
        }
    }

    /** Why libopus cannot be used, or null when its functions are bound. */
    static LinkageError unavailable() {
        return UNAVAILABLE;
    }

    /** A decoder producing {@code channels} channels at {@code rate} Hz; {@code error[0]} is 0 on success. */
    static native Pointer opus_decoder_create(int rate, int channels, int[] error);

    static native void opus_decoder_destroy(Pointer decoder);

    /** Decodes one packet; returns the samples per channel, or a negative error code. */
    static native int opus_decode(Pointer decoder, byte[] data, int length, short[] pcm, int frameSize, int decodeFec);

    /** The samples per channel a packet holds at {@code rate} Hz, or a negative error code. */
    static native int opus_packet_get_nb_samples(byte[] packet, int length, int rate);
}
