package org.oreka.audio.codec.g726.internal;

/** The loaded spandsp, shared by every decoder of this bundle. */
final class SpanDspLibrary {

    private static SpanDsp library;

    private SpanDspLibrary() {
    }

    /**
     * The library, loading it on first use; a failed load is tried again next time, so installing the package
     * and restarting the bundle is enough.
     *
     * @throws UnsatisfiedLinkError when spandsp is not installed
     */
    static synchronized SpanDsp get() {
        if (library == null) {
            library = SpanDsp.load();
        }
        return library;
    }
}
