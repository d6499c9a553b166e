package org.oreka.audio.codec.gsm.internal;

/** The loaded libgsm, shared by the codec and the storage format of this bundle. */
final class GsmLibrary {

    private static LibGsm library;

    private GsmLibrary() {
    }

    /**
     * The library, loading it on first use; a failed load is tried again next time, so installing the package
     * and restarting the bundle is enough.
     *
     * @throws UnsatisfiedLinkError when libgsm is not installed
     */
    static synchronized LibGsm get() {
        if (library == null) {
            library = LibGsm.load();
        }
        return library;
    }
}
