package org.oreka.audio.codec.gsm.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * One libgsm coder state in native memory: destroyed by {@link #close()}, or by the cleaner once its owner (a
 * stream's decoder, which the recorder simply drops) is garbage, so no call leaks native memory.
 * Used by one thread at a time.
 */
final class GsmState implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Pointer handle;
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    /**
     * Creates a coder state.
     *
     * @param wav49 whether frames are packed as in Microsoft GSM 6.10 WAV files
     * @throws UnsatisfiedLinkError when libgsm is not installed
     */
    GsmState(boolean wav49) {
        LibGsm.ensureBound();
        Pointer created = LibGsm.gsm_create();
        if (created == null) {
            throw new OutOfMemoryError("gsm_create could not allocate a GSM coder");
        }
        this.handle = created;
        this.cleanable = CLEANER.register(this, () -> LibGsm.gsm_destroy(created));
        if (wav49) {
            LibGsm.gsm_option(created, LibGsm.GSM_OPT_WAV49, new IntByReference(1));
        }
    }

    /** Decodes one 33-byte frame into 160 samples; false when the frame is not GSM or the state is closed. */
    boolean decode(byte[] frame, short[] samples) {
        if (closed) {
            return false;
        }
        try {
            return LibGsm.gsm_decode(handle, frame, samples) == 0;
        } finally {
            // The state must not be destroyed by the cleaner while libgsm is still using it.
            Reference.reachabilityFence(this);
        }
    }

    /** Encodes 160 samples into {@code frame}; does nothing once closed. */
    void encode(short[] samples, byte[] frame) {
        if (closed) {
            return;
        }
        try {
            LibGsm.gsm_encode(handle, samples, frame);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Frees the native state now; later calls decode silence. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
