package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Parsing whole messages: line endings, folding, compact forms, bodies. */
class SipMessageParserTest {

    private static SipMessage parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return SipMessageParser.parse(bytes, 0, bytes.length);
    }

    @Test
    void parsesARequest() {
        SipMessage message = parse(SipSamples.invite("abc@host", "v=0\r\n"));
        assertTrue(message.isRequest());
        assertEquals("INVITE", message.method());
        assertEquals("sip:bob@example.com", message.requestUri());
        assertEquals("abc@host", message.callId());
        assertEquals("INVITE", message.cseqMethod());
        assertEquals("v=0\r\n", message.body());
    }

    @Test
    void parsesAResponse() {
        SipMessage message = parse(SipSamples.response("486 Busy Here", "abc@host", "7 invite", ""));
        assertEquals(486, message.statusCode());
        assertEquals("Busy Here", message.reasonPhrase());
        assertEquals("INVITE", message.cseqMethod(), "the CSeq method is compared in upper case");
    }

    @Test
    void acceptsBareLineFeedsCompactFormsFoldingAndAnyCase() {
        SipMessage message = parse("INVITE sip:1000@pbx SIP/2.0\n"
                + "i: compact@host\n"
                + "f: <sip:100@pbx>;tag=1\n"
                + "t: <sip:1000@pbx>\n"
                + "SUBJECT: first part\n"
                + "  second part\n"
                + "\tthird part\n"
                + "user-agent: Phone 1.0\n"
                + "x: 1800\n"
                + "c: application/sdp\n"
                + "l: 4\n"
                + "\n"
                + "v=0\nrest");
        assertEquals("compact@host", message.callId());
        assertEquals("<sip:100@pbx>;tag=1", message.headers().first("From"));
        assertEquals("<sip:1000@pbx>", message.headers().first("to"));
        assertEquals("first part second part third part", message.headers().first("Subject"));
        assertEquals("Phone 1.0", message.headers().first("User-Agent"));
        assertEquals("1800", message.headers().first("Session-Expires"));
        assertEquals("application/sdp", message.headers().first("Content-Type"));
        assertEquals("v=0\nrest", message.body(), "the body is all that follows the empty line, whatever l: says");
    }

    @Test
    void everyCompactFormMapsToItsFullName() {
        String[][] forms = {{"i", "Call-ID"}, {"f", "From"}, {"t", "To"}, {"m", "Contact"}, {"v", "Via"},
            {"c", "Content-Type"}, {"l", "Content-Length"}, {"e", "Content-Encoding"}, {"k", "Supported"},
            {"s", "Subject"}, {"r", "Refer-To"}, {"b", "Referred-By"}, {"x", "Session-Expires"}, {"o", "Event"},
            {"u", "Allow-Events"}};
        for (String[] form : forms) {
            assertEquals(form[1].toLowerCase(Locale.ROOT), SipHeaders.canonicalName(form[0]));
            assertEquals(form[1].toLowerCase(Locale.ROOT), SipHeaders.canonicalName(form[0].toUpperCase(Locale.ROOT)));
        }
    }

    @Test
    void takesTheRestAsBodyWhateverContentLengthSays() {
        String body = "v=0\r\nc=IN IP4 10.0.0.1\r\n";
        String head = "SIP/2.0 200 OK\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n";
        assertEquals(body, parse(head + "Content-Length: bad\r\n\r\n" + body).body());
        assertEquals(body, parse(head + "\r\n" + body).body());
        assertEquals(body, parse(head + "Content-Length: 5000\r\n\r\n" + body).body());
        assertEquals(body, parse(head + "Content-Length: 5\r\n\r\n" + body).body());
    }

    @Test
    void aMessageCutBeforeTheEmptyLineKeepsItsHeaders() {
        SipMessage message = parse("BYE sip:a@b SIP/2.0\r\nCall-ID: cut@host\r\nCSeq: 2 BY");
        assertEquals("cut@host", message.callId());
        assertEquals("", message.body());
    }

    @Test
    void skipsKeepAlivesBeforeTheStartLineAndRejectsNonSip() {
        assertEquals("OPTIONS", parse("\r\n\r\nOPTIONS sip:a@b SIP/2.0\r\n\r\n").method());
        assertNull(parse("\r\n\r\n"));
        assertNull(parse("HTTP/1.1 200 OK\r\n\r\n"));
    }

    @Test
    void decodesUtf8HeadersAndKeepsBodyBytes() {
        SipMessage message = parse("INVITE sip:a@b SIP/2.0\r\nFrom: \"Zoë\" <sip:z@b>\r\nCall-ID: u\r\n"
                + "Content-Length: 2\r\n\r\né");
        assertEquals("\"Zoë\" <sip:z@b>", message.headers().first("From"));
        assertEquals("\u00c3\u00a9", message.body(), "the body holds one char per byte");
    }
}
