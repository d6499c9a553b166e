package org.oreka.audio.sip.internal;

import java.util.Locale;

/**
 * One SIP request or response as captured: its start line, headers and body.
 *
 * @param method the request method in upper case, or null for a response
 * @param requestUri the request URI, or an empty string for a response
 * @param statusCode the response status, or 0 for a request
 * @param reasonPhrase the response reason phrase, or an empty string
 * @param headers the header fields
 * @param body the body, one char per byte (ISO-8859-1) so that byte-oriented parts such as XML keep their bytes
 */
record SipMessage(String method, String requestUri, int statusCode, String reasonPhrase, SipHeaders headers,
        String body) {

    boolean isRequest() {
        return method != null;
    }

    /** The Call-ID, or an empty string when the message has none. */
    String callId() {
        return headers.firstOrEmpty("Call-ID").trim();
    }

    /** The method named by CSeq in upper case (which request a response answers), or an empty string. */
    String cseqMethod() {
        String[] parts = headers.firstOrEmpty("CSeq").trim().split("\\s+");
        return parts.length < 2 ? "" : parts[1].toUpperCase(Locale.ROOT);
    }
}
