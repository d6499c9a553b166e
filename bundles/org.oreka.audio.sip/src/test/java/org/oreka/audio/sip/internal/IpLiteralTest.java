package org.oreka.audio.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** Address literals parsed without DNS. */
class IpLiteralTest {

    @Test
    void parsesIpv4() throws Exception {
        assertEquals(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), IpLiteral.parse("10.0.0.1"));
        assertEquals(InetAddress.getByAddress(new byte[4]), IpLiteral.parse("0.0.0.0"));
    }

    @Test
    void parsesIpv6Forms() throws Exception {
        byte[] expected = new byte[16];
        expected[0] = 0x20;
        expected[1] = 0x01;
        expected[2] = 0x0d;
        expected[3] = (byte) 0xb8;
        expected[15] = 1;
        InetAddress address = InetAddress.getByAddress(expected);
        assertEquals(address, IpLiteral.parse("2001:db8::1"));
        assertEquals(address, IpLiteral.parse("[2001:DB8::1]"));
        assertEquals(address, IpLiteral.parse("2001:db8:0:0:0:0:0:1"));
        assertEquals(address, IpLiteral.parse("2001:db8::1%eth0"));
        assertEquals(InetAddress.getByAddress(new byte[16]), IpLiteral.parse("::"));
        assertEquals(InetAddress.getByName("fe80::21a:a0ff:fe07:32e0"), IpLiteral.parse("fe80:0:0:0:21a:a0ff:fe07:32e0"));
        assertEquals(InetAddress.getByName("::ffff:10.0.0.1"), IpLiteral.parse("::ffff:10.0.0.1"));
    }

    @Test
    void refusesNamesAndGarbageWithoutLookingThemUp() {
        assertNull(IpLiteral.parse("pbx.example.com"));
        assertNull(IpLiteral.parse("localhost"));
        assertNull(IpLiteral.parse("256.1.1.1"));
        assertNull(IpLiteral.parse("1.2.3"));
        assertNull(IpLiteral.parse("1:2:3"));
        assertNull(IpLiteral.parse("1::2::3"));
        assertNull(IpLiteral.parse("12345::1"));
        assertNull(IpLiteral.parse("1:2:3:4:5:6:7:8:9"));
        assertNull(IpLiteral.parse("1:2:3:4:5:6:7::8"));
        assertNull(IpLiteral.parse(""));
        assertNull(IpLiteral.parse("١٢.0.0.1"));
    }
}
