package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.oreka.sdk.call.Party;

/** Parties read from name-addr and addr-spec values and URIs. */
class SipAddressTest {

    private static Party party(String value) {
        return SipAddress.parse(value).toParty(false);
    }

    @Test
    void readsNameAddrWithQuotedDisplayName() {
        assertEquals(new Party("alice", "Alice Smith", "example.com"), party("\"Alice Smith\" <sip:alice@example.com>;tag=1"));
        assertEquals(new Party("alice", "Say \"hi\" <now>", "example.com"),
                party("\"Say \\\"hi\\\" <now>\" <sip:alice@example.com>"));
        assertEquals(new Party("bob", "", "example.com"), party("<sip:bob@example.com:5060;transport=tcp>;tag=9"));
    }

    @Test
    void readsUnquotedAndEscapedQuoteDisplayNames() {
        assertEquals(new Party("1000", "John Doe", "pbx"), party("John Doe <sip:1000@pbx>"));
        assertEquals(new Party("816666", "arik", "voip.brurjula.net"), party("\\\"arik\\\" <sip:816666@voip.brurjula.net>;tag=6433ef9"));
    }

    @Test
    void readsAddrSpecWithHeaderParameters() {
        assertEquals(new Party("carol", "", "chicago.com"), party("sip:carol@chicago.com;tag=887s"));
        assertEquals(new Party("", "", "200.57.7.195"), party("sip:200.57.7.195:55061;user=phone"));
    }

    @Test
    void readsSipsTelAndUserParameters() {
        assertEquals(new Party("bob", "", "secure.example.com"), party("<sips:bob@secure.example.com>"));
        assertEquals(new Party("+1-201-555-0123", ""), party("<tel:+1-201-555-0123;phone-context=example.com>"));
        assertEquals(new Party("+15551234", "", "gw.example.com"), party("<sip:+15551234;npdi;rn=+1555@gw.example.com;user=phone>"));
        assertEquals(new Party("alice", "", "example.com"), party("<sip:alice:secret@example.com>"));
        assertEquals(new Party("#100*", "", "example.com"), party("<sip:%23100%2a@example.com>"));
        assertEquals(new Party("zoë", "", "example.com"), party("<sip:zo%C3%AB@example.com>"));
        assertEquals(new Party("50%", "", "example.com"), party("<sip:50%@example.com>"));
    }

    @Test
    void reportsFullAddressesOnRequest() {
        assertEquals("alice@example.com", SipAddress.parse("<sip:alice@Example.COM:5060>").toParty(true).number());
        assertEquals("bob@[2001:db8::1]", SipAddress.parse("<sip:bob@[2001:db8::1]:5060>").toParty(true).number());
        assertEquals("[2001:db8::1]", SipAddress.parseUri("sip:[2001:db8::1]").toParty(true).number());
        assertEquals("+1555", SipAddress.parse("tel:+1555").toParty(true).number());
    }

    @Test
    void readsRequestUrisReferToAndOddInput() {
        assertEquals("bob", SipAddress.parseUri("sip:bob@example.com;transport=udp").user());
        assertEquals("carol", SipAddress.parse("<sip:carol@x.com?Replaces=abc%3Bto-tag%3D1>").user());
        assertEquals("1000", SipAddress.parseUri("1000@pbx").user());
        assertEquals(SipAddress.EMPTY, SipAddress.parse(null));
        assertEquals(SipAddress.EMPTY, SipAddress.parse("   "));
        assertEquals("", SipAddress.parse("\"unterminated <sip:a@b>").user());
        assertEquals("a", SipAddress.parse("<sip:a@b").user());
    }
}
