package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** DTMF digits from SIP INFO bodies. */
class InfoDtmfTest {

    @Test
    void readsSignalFromDtmfRelayBodies() {
        assertEquals("5", InfoDtmf.digit("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals("1", InfoDtmf.digit("application/dtmf-relay", "Signal= 1\r\nDuration= 180\r\n"));
        assertEquals("#", InfoDtmf.digit("application/dtmf-relay", "duration=100\nsignal = #\n"));
        assertEquals("*", InfoDtmf.digit("application/dtmf-relay", "Signal=10\r\n"));
        assertEquals("#", InfoDtmf.digit("application/dtmf-relay", "Signal=11\r\n"));
        assertNull(InfoDtmf.digit("application/dtmf-relay", "Duration=160\r\n"));
    }

    @Test
    void readsDtmfBodies() {
        assertEquals("7", InfoDtmf.digit("application/dtmf", "7\r\n"));
        assertEquals("A", InfoDtmf.digit("application/dtmf", "a"));
        assertEquals("D", InfoDtmf.digit("application/dtmf", "15"));
    }

    @Test
    void normalisesToTheDtmfAlphabet() {
        assertEquals("0", InfoDtmf.normalize("0"));
        assertEquals("9", InfoDtmf.normalize("09"));
        assertEquals("B", InfoDtmf.normalize("13"));
        assertNull(InfoDtmf.normalize("16"), "flash is not a digit");
        assertNull(InfoDtmf.normalize("E"));
        assertNull(InfoDtmf.normalize(""));
        assertNull(InfoDtmf.normalize("123"));
    }
}
