package org.oreka.audio.session.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.oreka.protocol.IpRange;

/**
 * Oreka's {@code LanMasks}: an IPv4 address is on the LAN when (address AND mask) == address for one of the
 * masks. Entries written as CIDR ranges are also accepted; IPv6 unique-local and link-local addresses count as
 * LAN.
 */
final class LanMasks {

    private static final List<IpRange> IPV6_LAN = IpRange.parseList("fc00::/7, fe80::/10, ::1");

    private final int[] masks;
    private final List<IpRange> ranges = new ArrayList<>();

    LanMasks(String csv) {
        List<Integer> parsed = new ArrayList<>();
        for (String item : csv.split("[,;\\s]+")) {
            if (item.isBlank()) {
                continue;
            }
            if (item.contains("/") || item.contains(":")) {
                ranges.add(IpRange.parse(item));
            } else {
                parsed.add(ipv4(IpRange.parse(item).toString()));
            }
        }
        masks = parsed.stream().mapToInt(Integer::intValue).toArray();
    }

    boolean contains(InetAddress address) {
        if (address instanceof Inet4Address) {
            int value = ipv4(address.getHostAddress());
            for (int mask : masks) {
                if ((value & mask) == value) {
                    return true;
                }
            }
            return IpRange.anyContains(ranges, address);
        }
        return IpRange.anyContains(IPV6_LAN, address) || IpRange.anyContains(ranges, address);
    }

    private static int ipv4(String dotted) {
        String[] parts = dotted.split("\\.");
        int value = 0;
        for (String part : parts) {
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }
}
