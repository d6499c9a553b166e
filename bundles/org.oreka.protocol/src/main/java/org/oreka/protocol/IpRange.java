package org.oreka.protocol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * An IPv4 or IPv6 address range written as CIDR ({@code 10.0.0.0/8}, {@code fc00::/7}) or as a single
 * address; lists of them configure client allow-lists, LAN masks and signalling reference addresses.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses one range. Only literal addresses are accepted (no name lookups).
     *
     * @throws IllegalArgumentException with a message naming the bad text
     */
    public static IpRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
        }
        return new IpRange(mask(bytes, prefix), prefix, trimmed);
    }

    /** Parses a comma-separated list; blank entries are skipped. */
    public static List<IpRange> parseList(String csv) {
        List<IpRange> ranges = new ArrayList<>();
        if (csv != null) {
            for (String item : csv.split("[,;\\s]+")) {
                if (!item.isBlank()) {
                    ranges.add(parse(item));
                }
            }
        }
        return List.copyOf(ranges);
    }

    /** Whether any range of the list contains the address. */
    public static boolean anyContains(List<IpRange> ranges, InetAddress address) {
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the range contains the address given as 4 or 16 bytes. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (address[full] & mask) == (network[full] & 0xff);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return masked;
    }

    private static byte[] literal(String address) {
        if (address.isEmpty()) {
            return null;
        }
        boolean ipv4 = address.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        boolean ipv6 = address.indexOf(':') >= 0 && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (ipv4 && address.split("\\.", -1).length != 4) {
            return null;
        }
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
