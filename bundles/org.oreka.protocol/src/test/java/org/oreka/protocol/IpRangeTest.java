package org.oreka.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void matchesIpv4Cidr() throws Exception {
        IpRange range = IpRange.parse("172.16.0.0/12");
        assertTrue(range.contains(InetAddress.getByName("172.31.255.1")));
        assertFalse(range.contains(InetAddress.getByName("172.32.0.1")));
        assertFalse(range.contains(InetAddress.getByName("::1")), "IPv6 never matches an IPv4 range");
    }

    @Test
    void matchesIpv6AndSingleAddresses() throws Exception {
        assertTrue(IpRange.parse("fc00::/7").contains(InetAddress.getByName("fd12::5")));
        assertTrue(IpRange.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.3")));
        assertFalse(IpRange.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.4")));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void rejectsNamesAndBadPrefixesWithTheirText() {
        assertEquals("not an IP address or CIDR range: 'pbx.example.com'",
                assertThrows(IllegalArgumentException.class, () -> IpRange.parse("pbx.example.com")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0/8"));
    }

    @Test
    void parsesListsWithMixedSeparators() {
        List<IpRange> ranges = IpRange.parseList("10.0.0.0/8, 192.168.0.0/16;::1");
        assertEquals(3, ranges.size());
    }

    @Test
    void guardChecksAddressThenToken() throws Exception {
        ClientGuard open = new ClientGuard(ClientGuard.DEFAULT_ALLOWED_CLIENTS, "");
        assertEquals(null, open.refusal(InetAddress.getByName("127.0.0.1"), null));
        assertEquals(null, open.refusal(InetAddress.getByName("::ffff:192.168.1.9"), null));
        assertEquals("client 8.8.8.8 is not in AllowedClients", open.refusal(InetAddress.getByName("8.8.8.8"), null));

        ClientGuard tokened = new ClientGuard("0.0.0.0/0", "s3cret");
        assertEquals("missing or wrong API token", tokened.refusal(InetAddress.getByName("8.8.8.8"), null));
        assertEquals("missing or wrong API token", tokened.refusal(InetAddress.getByName("8.8.8.8"), "wrong"));
        assertEquals(null, tokened.refusal(InetAddress.getByName("8.8.8.8"), "s3cret"));
    }
}
