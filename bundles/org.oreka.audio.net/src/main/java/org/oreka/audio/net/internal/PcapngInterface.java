package org.oreka.audio.net.internal;

import org.oreka.sdk.capture.LinkType;

/** One pcapng interface description: the link type of its packets and how to turn its timestamps into microseconds. */
final class PcapngInterface {

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L
    };
    /** The if_tsresol value when the option is absent: 10^-6 s. */
    static final int DEFAULT_RESOLUTION = 6;

    private final LinkType linkType;
    private final long offsetMicros;
    private final boolean binary;
    private final long multiplier;
    private final long divisor;
    private final int shift;
    private final double fractionScale;

    /**
     * @param resolution the if_tsresol byte: with the top bit clear, units of 10^-n s; with it set, 2^-n s
     * @param offsetSeconds the if_tsoffset option: seconds added to every timestamp
     */
    PcapngInterface(LinkType linkType, int resolution, long offsetSeconds) {
        this.linkType = linkType;
        this.offsetMicros = offsetSeconds * 1_000_000L;
        this.binary = (resolution & 0x80) != 0;
        int exponent = resolution & 0x7f;
        if (binary) {
            // Beyond 63 bits of fraction every representable timestamp is below one microsecond.
            this.shift = Math.min(exponent, 64);
            this.fractionScale = 1e6 / Math.pow(2, exponent);
            this.multiplier = 0;
            this.divisor = 1;
        } else {
            this.shift = 0;
            this.fractionScale = 0;
            this.multiplier = exponent <= 6 ? POWERS_OF_TEN[6 - exponent] : 0;
            // 10^19 and beyond exceed a long: such units are far below a microsecond, so everything rounds to 0.
            this.divisor = exponent > 6 && exponent - 6 < POWERS_OF_TEN.length ? POWERS_OF_TEN[exponent - 6] : 0;
        }
    }

    LinkType linkType() {
        return linkType;
    }

    /** Converts a timestamp in this interface's units (an unsigned 64-bit count) to microseconds since the epoch. */
    long micros(long units) {
        if (binary) {
            if (shift >= 64) {
                return offsetMicros;
            }
            long seconds = units >>> shift;
            long fraction = units & ((1L << shift) - 1);
            return seconds * 1_000_000L + (long) (fraction * fractionScale) + offsetMicros;
        }
        if (multiplier != 0) {
            return units * multiplier + offsetMicros;
        }
        return (divisor == 0 ? 0 : Long.divideUnsigned(units, divisor)) + offsetMicros;
    }
}
