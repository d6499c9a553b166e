package org.oreka.benchmarks;

/** Percentiles of measured latencies, for the benchmarks' reports. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (nearest rank) of latencies in nanoseconds sorted ascending, in milliseconds. */
    public static double millis(long[] sortedNanos, int p) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(sortedNanos.length * p / 100.0) - 1)] / 1e6;
    }
}
