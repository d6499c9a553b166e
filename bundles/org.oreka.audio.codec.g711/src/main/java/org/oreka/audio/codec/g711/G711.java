package org.oreka.audio.codec.g711;

import java.util.Objects;

/**
 * ITU-T G.711 companding between 8-bit µ-law or A-law codes and 16-bit linear PCM, through lookup tables so
 * that every conversion is a single array read and allocates nothing.
 *
 * <p>Linear values are 16-bit: the 14-bit (µ-law) or 13-bit (A-law) range of G.711 shifted to the top of the
 * short, as the ITU-T G.191 reference software and every WAV tool use. Encoding follows G.191: negative
 * inputs are taken in one's complement, which puts the decision thresholds of both signs at the same
 * distance from zero, and inputs beyond the largest code clip to it.
 */
public final class G711 {

    /** Bias µ-law adds to the 14-bit magnitude so that every segment starts at a power of two. */
    private static final int ULAW_BIAS = 33;
    private static final int ULAW_MAX_BIASED = 0x1FFF;
    private static final int SIGN_BIT = 0x80;
    /** A-law inverts the even bits of each code, to keep idle lines from sending long runs of zeros. */
    private static final int ALAW_EVEN_BITS = 0x55;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = expandUlaw(code);
            ALAW_TO_LINEAR[code] = expandAlaw(code);
        }
        for (int linear = Short.MIN_VALUE; linear <= Short.MAX_VALUE; linear++) {
            LINEAR_TO_ULAW[linear & 0xFFFF] = compressUlaw(linear);
            LINEAR_TO_ALAW[linear & 0xFFFF] = compressAlaw(linear);
        }
    }

    private G711() {
    }

    /** Decodes one µ-law code. */
    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    /** Decodes one A-law code. */
    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    /** Encodes one sample as µ-law. */
    public static byte linearToUlaw(short linear) {
        return LINEAR_TO_ULAW[linear & 0xFFFF];
    }

    /** Encodes one sample as A-law. */
    public static byte linearToAlaw(short linear) {
        return LINEAR_TO_ALAW[linear & 0xFFFF];
    }

    /**
     * Decodes {@code length} µ-law codes from {@code ulaw[offset]} into {@code pcm[pcmOffset]} onwards.
     *
     * @throws IndexOutOfBoundsException when either range lies outside its array
     */
    public static void ulawToLinear(byte[] ulaw, int offset, int length, short[] pcm, int pcmOffset) {
        expand(ULAW_TO_LINEAR, ulaw, offset, length, pcm, pcmOffset);
    }

    /**
     * Decodes {@code length} A-law codes from {@code alaw[offset]} into {@code pcm[pcmOffset]} onwards.
     *
     * @throws IndexOutOfBoundsException when either range lies outside its array
     */
    public static void alawToLinear(byte[] alaw, int offset, int length, short[] pcm, int pcmOffset) {
        expand(ALAW_TO_LINEAR, alaw, offset, length, pcm, pcmOffset);
    }

    private static void expand(short[] table, byte[] codes, int offset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(offset, length, codes.length);
        Objects.checkFromIndexSize(pcmOffset, length, pcm.length);
        for (int i = 0; i < length; i++) {
            pcm[pcmOffset + i] = table[codes[offset + i] & 0xFF];
        }
    }

    /** G.711 µ-law expansion: segment {@code e} holds 16 steps of {@code 2^(e+1)} in the 14-bit domain. */
    private static short expandUlaw(int code) {
        int inverted = ~code & 0xFF;
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int magnitude = (((mantissa << 1) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (short) ((inverted & SIGN_BIT) != 0 ? -(magnitude << 2) : magnitude << 2);
    }

    /** G.711 A-law expansion: segments 0 and 1 share the step 2, each later one doubles it (13-bit domain). */
    private static short expandAlaw(int code) {
        int value = code ^ ALAW_EVEN_BITS;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0F;
        int magnitude = exponent == 0
                ? (mantissa << 1) + 1
                : ((mantissa << 1) + 33) << (exponent - 1);
        return (short) ((value & SIGN_BIT) != 0 ? magnitude << 3 : -(magnitude << 3));
    }

    private static byte compressUlaw(int linear) {
        int magnitude = (linear >= 0 ? linear : ~linear) >> 2;
        int biased = Math.min(magnitude + ULAW_BIAS, ULAW_MAX_BIASED);
        int exponent = bitLength(biased >> 6);
        int mantissa = (biased >> (exponent + 1)) & 0x0F;
        int code = ~((exponent << 4) | mantissa) & 0x7F;
        return (byte) (linear >= 0 ? code | SIGN_BIT : code);
    }

    private static byte compressAlaw(int linear) {
        int magnitude = (linear >= 0 ? linear : ~linear) >> 4;
        int code;
        if (magnitude < 16) {
            code = magnitude;
        } else {
            int exponent = bitLength(magnitude) - 4;
            code = (exponent << 4) | ((magnitude >> (exponent - 1)) & 0x0F);
        }
        return (byte) ((linear >= 0 ? code | SIGN_BIT : code) ^ ALAW_EVEN_BITS);
    }

    private static int bitLength(int value) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(value);
    }
}
