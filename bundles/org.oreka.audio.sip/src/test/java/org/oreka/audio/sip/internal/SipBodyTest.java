package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Finding the SDP and SIPREC metadata in plain and multipart bodies. */
class SipBodyTest {

    static final String METADATA = "<?xml version=\"1.0\"?>\n<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\"/>";

    @Test
    void findsSdpAndMetadataInAMultipartBody() {
        String sdp = SipSamples.sdp("10.0.0.1", 4000);
        String body = "preamble\r\n--b1\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--b1\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n"
                + METADATA + "\r\n--b1--\r\nepilogue";
        SipBody found = SipBody.of("multipart/mixed;boundary=b1", body);
        assertEquals(sdp, found.sdp());
        assertEquals(METADATA, found.recordingMetadata());
    }

    @Test
    void readsQuotedBoundariesLineFeedsAndNestedMultiparts() {
        String inner = "--in\nContent-Type: application/sdp\n\nv=0\nm=audio 1 RTP/AVP 0\n--in--\n";
        String body = "--out\nContent-Type: multipart/alternative; boundary=in\n\n" + inner + "--out--";
        SipBody found = SipBody.of("Multipart/Mixed; charset=x; Boundary=\"out\"", body);
        assertEquals("v=0\nm=audio 1 RTP/AVP 0", found.sdp());
    }

    @Test
    void aMissingClosingDelimiterEndsTheLastPartAtTheEnd() {
        List<MultipartBody.Part> parts = MultipartBody.parse("--x\r\nContent-Type: text/plain\r\n\r\nhello", "x");
        assertEquals(List.of(new MultipartBody.Part("text/plain", "hello")), parts);
        assertEquals(List.of(new MultipartBody.Part("", "no headers")), MultipartBody.parse("--x\r\n\r\nno headers", "x"));
        assertEquals(List.of(), MultipartBody.parse("anything", ""));
    }

    @Test
    void adjacentDelimitersMakeAnEmptyPart() {
        assertEquals(List.of(new MultipartBody.Part("", ""), new MultipartBody.Part("application/sdp", "v=0")),
                MultipartBody.parse("--x\r\n--x\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--x--", "x"));
    }

    @Test
    void anSdpWithoutContentTypeIsRecognisedByItsVersionLine() {
        assertEquals("v=0\r\n", SipBody.of("", "v=0\r\n").sdp());
        assertNull(SipBody.of("", "Signal=5").sdp());
        assertNull(SipBody.of("application/dtmf-relay", "v=0").sdp());
        assertEquals("v=0", SipBody.of("APPLICATION/SDP; charset=utf-8", "v=0").sdp());
    }
}
