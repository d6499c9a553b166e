package org.oreka.audio.codec.g711;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks the G.711 tables against the ITU reference values and their round-trip and ordering properties. */
class G711Test {

    @Test
    void everyUlawCodeSurvivesARoundTripExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            byte reencoded = G711.linearToUlaw(G711.ulawToLinear((byte) code));
            int expected = code == 0x7F ? 0xFF : code;
            assertEquals(expected, reencoded & 0xFF, "µ-law code " + Integer.toHexString(code));
        }
    }

    @Test
    void everyAlawCodeSurvivesARoundTrip() {
        for (int code = 0; code < 256; code++) {
            byte reencoded = G711.linearToAlaw(G711.alawToLinear((byte) code));
            assertEquals(code, reencoded & 0xFF, "A-law code " + Integer.toHexString(code));
        }
    }

    @Test
    void ulawReferenceValues() {
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
        assertEquals(0, G711.ulawToLinear((byte) 0x7F));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(8, G711.ulawToLinear((byte) 0xFE));
        assertEquals(-8, G711.ulawToLinear((byte) 0x7E));
        assertEquals((byte) 0xFF, G711.linearToUlaw((short) 0));
        assertEquals((byte) 0x80, G711.linearToUlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x00, G711.linearToUlaw(Short.MIN_VALUE));
    }

    @Test
    void alawReferenceValues() {
        assertEquals(8, G711.alawToLinear((byte) 0xD5));
        assertEquals(-8, G711.alawToLinear((byte) 0x55));
        assertEquals(32256, G711.alawToLinear((byte) 0xAA));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
        assertEquals((byte) 0xD5, G711.linearToAlaw((short) 0));
        assertEquals((byte) 0xAA, G711.linearToAlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.linearToAlaw(Short.MIN_VALUE));
    }

    @Test
    void ulawDecodingIsMonotonicInTheMagnitudeBits() {
        // Positive codes count down from 0x80 (largest) to 0xFF (zero), negative ones up from 0x00 to 0x7F.
        for (int code = 0x81; code <= 0xFF; code++) {
            assertTrue(G711.ulawToLinear((byte) code) < G711.ulawToLinear((byte) (code - 1)), "at " + code);
        }
        for (int code = 0x01; code <= 0x7F; code++) {
            assertTrue(G711.ulawToLinear((byte) code) > G711.ulawToLinear((byte) (code - 1)), "at " + code);
        }
    }

    @Test
    void alawDecodingIsMonotonicInTheMagnitudeBits() {
        for (int magnitude = 1; magnitude < 128; magnitude++) {
            byte positive = (byte) ((0x80 | magnitude) ^ 0x55);
            byte previousPositive = (byte) ((0x80 | (magnitude - 1)) ^ 0x55);
            byte negative = (byte) (magnitude ^ 0x55);
            byte previousNegative = (byte) ((magnitude - 1) ^ 0x55);
            assertTrue(G711.alawToLinear(positive) > G711.alawToLinear(previousPositive), "at " + magnitude);
            assertTrue(G711.alawToLinear(negative) < G711.alawToLinear(previousNegative), "at " + magnitude);
        }
    }

    @Test
    void decodingIsOddSymmetric() {
        for (int code = 0; code < 128; code++) {
            assertEquals(-G711.ulawToLinear((byte) (code | 0x80)), G711.ulawToLinear((byte) code));
            assertEquals(-G711.alawToLinear((byte) (code | 0x80)), G711.alawToLinear((byte) code));
        }
    }

    @Test
    void encodingPicksTheNearestLevelOfItsSegment() {
        int previousUlaw = Integer.MIN_VALUE;
        int previousAlaw = Integer.MIN_VALUE;
        for (int linear = Short.MIN_VALUE; linear <= Short.MAX_VALUE; linear++) {
            byte ulawCode = G711.linearToUlaw((short) linear);
            byte alawCode = G711.linearToAlaw((short) linear);
            int ulaw = G711.ulawToLinear(ulawCode);
            int alaw = G711.alawToLinear(alawCode);
            assertTrue(ulaw >= previousUlaw, "µ-law quantization goes backwards at " + linear);
            assertTrue(alaw >= previousAlaw, "A-law quantization goes backwards at " + linear);
            // Half a step of the chosen segment, plus what dropping the bits below the G.711 resolution and
            // the one's complement of negative inputs add; inputs beyond the largest level clip to it.
            int ulawSegment = (~ulawCode >> 4) & 0x07;
            int alawSegment = ((alawCode ^ 0x55) >> 4) & 0x07;
            if (Math.abs(linear) <= 32124) {
                assertTrue(Math.abs(ulaw - linear) <= (4 << ulawSegment) + 4, "µ-law error at " + linear);
            }
            if (Math.abs(linear) <= 32256) {
                int halfStep = alawSegment == 0 ? 8 : 4 << alawSegment;
                assertTrue(Math.abs(alaw - linear) <= halfStep + 1, "A-law error at " + linear);
            }
            previousUlaw = ulaw;
            previousAlaw = alaw;
        }
    }

    @Test
    void bulkDecodingMatchesSingleSamples() {
        byte[] codes = new byte[260];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        short[] ulaw = new short[262];
        short[] alaw = new short[262];
        G711.ulawToLinear(codes, 2, 256, ulaw, 1);
        G711.alawToLinear(codes, 2, 256, alaw, 1);
        short[] expectedUlaw = new short[262];
        short[] expectedAlaw = new short[262];
        for (int i = 0; i < 256; i++) {
            expectedUlaw[1 + i] = G711.ulawToLinear(codes[2 + i]);
            expectedAlaw[1 + i] = G711.alawToLinear(codes[2 + i]);
        }
        assertArrayEquals(expectedUlaw, ulaw);
        assertArrayEquals(expectedAlaw, alaw);
    }

    @Test
    void bulkDecodingChecksBothRanges() {
        assertThrows(IndexOutOfBoundsException.class, () -> G711.ulawToLinear(new byte[4], 2, 3, new short[8], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> G711.alawToLinear(new byte[4], 0, 4, new short[3], 0));
    }
}
