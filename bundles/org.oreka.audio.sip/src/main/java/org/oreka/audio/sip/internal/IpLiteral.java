package org.oreka.audio.sip.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Parses textual IPv4 and IPv6 addresses into {@link InetAddress}es without ever asking DNS: a passive recorder
 * must not resolve names taken from the wire.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * Parses a dotted-quad IPv4 or an IPv6 address (brackets and a {@code %zone} allowed).
     *
     * @return the address, or null when the text is not an address literal (a host name, garbage)
     */
    static InetAddress parse(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        byte[] bytes = s.indexOf(':') >= 0 ? ipv6(s) : ipv4(s);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] head = groups(gap < 0 ? s : s.substring(0, gap));
        byte[] tail = gap < 0 ? new byte[0] : groups(s.substring(gap + 2));
        if (head == null || tail == null || head.length + tail.length > (gap < 0 ? 16 : 14)
                || (gap < 0 && head.length != 16)) {
            return null;
        }
        byte[] bytes = new byte[16];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, 16 - tail.length, tail.length);
        return bytes;
    }

    /** The bytes of colon-separated hex groups, the last of which may be a dotted IPv4 address. */
    private static byte[] groups(String s) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 8) {
            return null;
        }
        byte[] bytes = new byte[parts.length * 2 + 2];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.indexOf('.') >= 0 && i == parts.length - 1) {
                byte[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, bytes, n, 4);
                n += 4;
            } else {
                int value = hexGroup(part);
                if (value < 0) {
                    return null;
                }
                bytes[n++] = (byte) (value >> 8);
                bytes[n++] = (byte) value;
            }
        }
        return Arrays.copyOf(bytes, n);
    }

    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = hexDigit(part.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, which accepts other scripts). */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
