package org.oreka.sdk.codec;

/**
 * Converts a decoder's samples to the output rate by linear interpolation, keeping its phase from packet to
 * packet; a pass-through when the rates are equal.
 */
public final class Resampler {

    private final int inputRate;
    private final int outputRate;
    private double phase;
    private short previous;

    /** A converter from {@code inputRate} to {@code outputRate} samples per second, for one stream. */
    public Resampler(int inputRate, int outputRate) {
        this.inputRate = inputRate;
        this.outputRate = outputRate;
    }

    /** Whether input and output rates are equal, so samples need no conversion. */
    public boolean passThrough() {
        return inputRate == outputRate;
    }

    /** The most output samples {@code inputCount} input samples can give. */
    public int maxOutput(int inputCount) {
        return (int) ((long) inputCount * outputRate / inputRate) + 2;
    }

    /** Resamples {@code count} samples of {@code in} into {@code out}; returns the number written. */
    public int convert(short[] in, int count, short[] out) {
        if (inputRate == outputRate) {
            System.arraycopy(in, 0, out, 0, count);
            return count;
        }
        double step = (double) inputRate / outputRate;
        int written = 0;
        while (phase < count) {
            int index = (int) phase;
            double fraction = phase - index;
            short a = index == 0 ? previous : in[index - 1];
            short b = in[index];
            out[written++] = (short) Math.round(a + (b - a) * fraction);
            phase += step;
        }
        phase -= count;
        previous = in[count - 1];
        return written;
    }
}
