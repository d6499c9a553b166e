package org.oreka.audio.session.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * An IP address and UDP port where media flows, as the key of the media-address index: IPv4 keys pack into a
 * long so the per-packet lookup allocates nothing; IPv6 keys keep their bytes.
 */
final class MediaKey {

    private final byte[] ipv6;
    private final long ipv4;
    private final int port;

    private MediaKey(long ipv4, byte[] ipv6, int port) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.port = port;
    }

    /** The packed form of an IPv4 address and port: {@code address << 16 | port}. */
    static long packIpv4(int address, int port) {
        return (address & 0xffffffffL) << 16 | (port & 0xffff);
    }

    static MediaKey of(InetSocketAddress socketAddress) {
        return of(socketAddress.getAddress(), socketAddress.getPort());
    }

    static MediaKey of(InetAddress address, int port) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int value = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
            return new MediaKey(packIpv4(value, port), null, port);
        }
        return new MediaKey(0, bytes, port);
    }

    static MediaKey ipv6(byte[] address16, int port) {
        return new MediaKey(0, Arrays.copyOf(address16, 16), port);
    }

    boolean isIpv4() {
        return ipv6 == null;
    }

    long packed() {
        return ipv4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaKey k && k.ipv4 == ipv4 && k.port == port && Arrays.equals(k.ipv6, ipv6);
    }

    @Override
    public int hashCode() {
        return ipv6 == null ? Long.hashCode(ipv4) : Arrays.hashCode(ipv6) * 31 + port;
    }

    @Override
    public String toString() {
        try {
            byte[] bytes = ipv6 != null ? ipv6 : new byte[] {(byte) (ipv4 >>> 40), (byte) (ipv4 >>> 32), (byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16)};
            return InetAddress.getByAddress(bytes).getHostAddress() + ":" + port;
        } catch (java.net.UnknownHostException e) {
            return "?:" + port;
        }
    }
}
