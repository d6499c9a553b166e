package org.oreka.testing;

/** Measures of 16-bit samples, for tests of decoders and recordings. */
public final class Pcm {

    private Pcm() {
    }

    /** The root mean square of the samples, 0 for none. */
    public static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, pcm.length));
    }

    /** The normalized correlation of two signals of the same length, 1 when they are the same up to a gain. */
    public static double correlation(short[] a, short[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** The index of the first sample in [from, to) that is not zero, or -1 when all are. */
    public static int firstSound(short[] pcm, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pcm[i] != 0) {
                return i;
            }
        }
        return -1;
    }
}
