package org.oreka.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static ByteRange part(String header, long size) {
        return assertInstanceOf(ByteRange.Part.class, ByteRange.parse(header, size)).range();
    }

    @Test
    void theThreeFormsOfASingleRange() {
        assertEquals(new ByteRange(0, 99), part("bytes=0-99", 1000));
        assertEquals(new ByteRange(500, 999), part("bytes=500-", 1000));
        assertEquals(new ByteRange(900, 999), part("bytes=-100", 1000));
        assertEquals(100, part("bytes=0-99", 1000).length());
    }

    @Test
    void rangesAreCutToTheFile() {
        assertEquals(new ByteRange(990, 999), part("bytes=990-5000", 1000));
        assertEquals(new ByteRange(0, 999), part("bytes=-5000", 1000));
    }

    @Test
    void aRangeStartingPastTheEndIsUnsatisfiable() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=1000-", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=-0", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=0-", 0));
    }

    @Test
    void whatIsNotOneValidByteRangeIsIgnored() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "items=0-9", "bytes=9-0", "bytes=0-9,20-29",
                "bytes=a-b", "bytes=99999999999999999999-", " bytes = 1-2"}) {
            assertInstanceOf(ByteRange.Whole.class, ByteRange.parse(header, 1000), String.valueOf(header));
        }
    }
}
