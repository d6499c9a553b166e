package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Start lines, header ends and Content-Length found in raw bytes. */
class SipFramingTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int startLineEnd(String text) {
        ByteBuffer buffer = bytes(text);
        return SipFraming.startLineEnd(buffer, 0, buffer.limit());
    }

    @Test
    void recognisesRequestAndStatusLines() {
        assertEquals(28, startLineEnd("INVITE sip:bob@x.com SIP/2.0\nVia: x\n"));
        assertEquals(29, startLineEnd("INVITE sip:bob@x.com SIP/2.0\r\n"));
        assertTrue(startLineEnd("SIP/2.0 200 OK\r\n") > 0);
        assertTrue(startLineEnd("sip/2.0 183 Session Progress\r\n") > 0, "the version is matched in any case");
        assertTrue(startLineEnd("SIP/2.0 200\r\n") > 0, "an empty reason phrase is tolerated");
        assertTrue(startLineEnd("PUBLISH sip:a@b SIP/2.0  \r\n") > 0, "trailing blanks are tolerated");
        assertTrue(startLineEnd("aaaaaaaaa sip:x SIP/2.0\r\n") > 0, "unknown methods are still SIP");
    }

    @Test
    void rejectsOtherProtocolsAndJunk() {
        assertEquals(SipFraming.NOT_SIP, startLineEnd("GET / HTTP/1.1\r\nHost: x\r\n"));
        assertEquals(SipFraming.NOT_SIP, startLineEnd("HTTP/1.1 200 OK\r\n"));
        assertEquals(SipFraming.NOT_SIP, startLineEnd("SIP/2.0 2x0 OK\r\n"));
        assertEquals(SipFraming.NOT_SIP, startLineEnd("INVITE SIP/2.0\r\n"), "a request line needs a URI");
        assertEquals(SipFraming.NOT_SIP, startLineEnd("\u0080\u0001\u0002\u0003"));
        assertEquals(SipFraming.NOT_SIP, startLineEnd(" INVITE sip:x SIP/2.0\r\n"));
        assertEquals(SipFraming.NOT_SIP, startLineEnd("v=0\r\n"));
    }

    @Test
    void aStartLineWithoutItsEndIsIncomplete() {
        assertEquals(SipFraming.INCOMPLETE, startLineEnd("INVITE sip:bob@exam"));
        assertEquals(SipFraming.INCOMPLETE, startLineEnd("SIP/2"));
        assertEquals(SipFraming.INCOMPLETE, startLineEnd(""));
    }

    @Test
    void findsTheEndOfTheHeadersWithAnyLineEndings() {
        String crlf = "INVITE sip:a@b SIP/2.0\r\nA: 1\r\n\r\nbody";
        String lf = "INVITE sip:a@b SIP/2.0\nA: 1\n\nbody";
        String mixed = "INVITE sip:a@b SIP/2.0\r\nA: 1\n\r\nbody";
        assertEquals(crlf.indexOf("body"), SipFraming.headerEnd(bytes(crlf), 0, crlf.length()));
        assertEquals(lf.indexOf("body"), SipFraming.headerEnd(bytes(lf), 0, lf.length()));
        assertEquals(mixed.indexOf("body"), SipFraming.headerEnd(bytes(mixed), 0, mixed.length()));
        String unfinished = "INVITE sip:a@b SIP/2.0\r\nA: 1\r\n";
        assertEquals(-1, SipFraming.headerEnd(bytes(unfinished), 0, unfinished.length()));
    }

    @Test
    void readsContentLengthInFullAndCompactForm() {
        String full = "SIP/2.0 200 OK\r\ncontent-LENGTH :  42 \r\n\r\n";
        String compact = "SIP/2.0 200 OK\r\nl:7\r\n\r\n";
        String absent = "SIP/2.0 200 OK\r\nX-Length: 7\r\n\r\n";
        String invalid = "SIP/2.0 200 OK\r\nContent-Length: bad\r\n\r\n";
        assertEquals(42, SipFraming.contentLength(bytes(full), 0, full.length()));
        assertEquals(7, SipFraming.contentLength(bytes(compact), 0, compact.length()));
        assertEquals(SipFraming.ABSENT, SipFraming.contentLength(bytes(absent), 0, absent.length()));
        assertEquals(SipFraming.INVALID, SipFraming.contentLength(bytes(invalid), 0, invalid.length()));
        assertEquals(SipFraming.INVALID, SipFraming.parseLength("xyz"));
        assertEquals(SipFraming.INVALID, SipFraming.parseLength("1 2"));
        assertEquals(SipFraming.INVALID, SipFraming.parseLength("99999999999"));
        assertEquals(SipFraming.INVALID, SipFraming.parseLength(""));
        assertEquals(0, SipFraming.parseLength(" 0 "));
    }
}
