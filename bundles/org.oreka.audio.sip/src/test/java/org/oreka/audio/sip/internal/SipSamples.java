package org.oreka.audio.sip.internal;

import java.nio.charset.StandardCharsets;

/** Literal SIP messages and SDP bodies for the tests, written the way user agents put them on the wire. */
final class SipSamples {

    static final String ALICE = "10.0.0.1:5060";
    static final String BOB = "10.0.0.2:5060";

    private SipSamples() {
    }

    /** Lines joined with CRLF, ending with one. */
    static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** A message with the given start line and headers, a correct Content-Length and the body. */
    static String message(String startLine, String headers, String body) {
        return startLine + "\r\n" + headers + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body;
    }

    static String dialogHeaders(String callId, String cseq) {
        return lines(
                "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-" + cseq.hashCode(),
                "From: \"Alice Smith\" <sip:alice@example.com>;tag=a1",
                "To: <sip:bob@example.com>",
                "Call-ID: " + callId,
                "CSeq: " + cseq,
                "Contact: <sip:alice@10.0.0.1:5060>");
    }

    static String invite(String callId, String sdp) {
        return message("INVITE sip:bob@example.com SIP/2.0",
                dialogHeaders(callId, "1 INVITE") + (sdp.isEmpty() ? "" : "Content-Type: application/sdp\r\n"), sdp);
    }

    static String response(String status, String callId, String cseq, String sdp) {
        return message("SIP/2.0 " + status,
                dialogHeaders(callId, cseq) + (sdp.isEmpty() ? "" : "Content-Type: application/sdp\r\n"), sdp);
    }

    static String request(String method, String callId, String extraHeaders, String body) {
        return message(method + " sip:bob@10.0.0.2:5060 SIP/2.0",
                dialogHeaders(callId, "2 " + method) + extraHeaders, body);
    }

    /** An SDP with one audio stream at {@code address:port} offering PCMU, PCMA and telephone-event. */
    static String sdp(String address, int port, String... extraAttributes) {
        return lines("v=0", "o=- 1 1 IN IP4 " + address, "s=-", "c=IN IP4 " + address, "t=0 0",
                "m=audio " + port + " RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000")
                + (extraAttributes.length == 0 ? "" : lines(extraAttributes));
    }
}
