package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oreka.audio.sip.internal.SiprecMetadata.Participant;
import org.xml.sax.SAXException;

/** SIPREC metadata: which participant sends which label, and a parser closed to DTD tricks. */
class SiprecMetadataTest {

    /** RFC 7865 section 9 style: participants with nameID, streams with labels, associations with send. */
    static final String RFC7865 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <recording xmlns="urn:ietf:params:xml:ns:recording:1">
              <datamode>complete</datamode>
              <session session_id="s1"><sipSessionID>abc</sipSessionID></session>
              <participant participant_id="p1">
                <nameID aor="sip:alice@example.com"><name xml:lang="en">Alice</name></nameID>
              </participant>
              <participant participant_id="p2">
                <nameID aor="sip:bob@example.com"><name xml:lang="en">Bob Ørsted</name></nameID>
              </participant>
              <stream stream_id="st1" session_id="s1"><label>1</label></stream>
              <stream stream_id="st2" session_id="s1"><label>2</label></stream>
              <participantstreamassoc participantstreamassoc_id="a1" participant_id="p1">
                <send>st1</send><recv>st2</recv>
              </participantstreamassoc>
              <participantstreamassoc participantstreamassoc_id="a2" participant_id="p2">
                <send>st2</send><recv>st1</recv>
              </participantstreamassoc>
            </recording>
            """;

    /** The metadata as the decoder holds it: one char per byte of its UTF-8 encoding. */
    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void mapsLabelsToSendingParticipants() throws Exception {
        assertEquals(Map.of("1", new Participant("sip:alice@example.com", "Alice"),
                "2", new Participant("sip:bob@example.com", "Bob Ørsted")),
                SiprecMetadata.sendersByLabel(latin1(RFC7865)));
    }

    @Test
    void readsTheOlderDraftForm() throws Exception {
        String draft = """
                <recording xmlns='urn:ietf:params:xml:ns:recording'>
                  <participant id="p1"><aor>sip:carol@example.com</aor><name>Carol</name><send>s9</send></participant>
                  <stream id="s9"><label>99</label></stream>
                </recording>
                """;
        assertEquals(Map.of(), SiprecMetadata.sendersByLabel(draft), "other namespaces are not the recording's");
        assertEquals(Map.of("99", new Participant("sip:carol@example.com", "Carol")),
                SiprecMetadata.sendersByLabel(draft.replace(" xmlns='urn:ietf:params:xml:ns:recording'", "")));
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<recording xmlns=\"urn:ietf:params:xml:ns:recording:1\"><stream stream_id=\"s\"><label>&x;</label>"
                + "</stream></recording>";
        assertThrows(SAXException.class, () -> SiprecMetadata.sendersByLabel(xxe));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<recording/>";
        assertThrows(SAXException.class, () -> SiprecMetadata.sendersByLabel(bomb));
    }

    @Test
    void malformedXmlIsAnError() {
        assertThrows(SAXException.class, () -> SiprecMetadata.sendersByLabel("<recording><participant>"));
        assertThrows(SAXException.class, () -> SiprecMetadata.sendersByLabel(""));
    }
}
