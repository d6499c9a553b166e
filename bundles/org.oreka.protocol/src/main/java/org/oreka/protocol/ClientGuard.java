package org.oreka.protocol;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a caller may use a command API: its address must be in the allow-list and, when a shared
 * token is configured, the request must carry it.
 */
public final class ClientGuard {

    /** The default allow-list: loopback and the private networks of IPv4 and IPv6. */
    public static final String DEFAULT_ALLOWED_CLIENTS =
            "127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, fe80::/10";

    private static final Logger LOG = LoggerFactory.getLogger(ClientGuard.class);

    private final List<IpRange> allowed;
    private final byte[] token;

    /**
     * @param allowedClients CIDR list; empty means nobody
     * @param token the shared token, or an empty string for none
     */
    public ClientGuard(String allowedClients, String token) {
        this.allowed = IpRange.parseList(allowedClients);
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A guard from configuration values; when {@code allowedClients} is invalid, logs why and returns a guard
     * that refuses everyone until the configuration is fixed.
     *
     * @param api the API being guarded, for the log message
     */
    public static ClientGuard fromConfiguration(String api, String allowedClients, String token) {
        try {
            return new ClientGuard(allowedClients, token);
        } catch (IllegalArgumentException e) {
            LOG.error("AllowedClients of {} is invalid ({}); it refuses every caller until it is fixed", api, e.getMessage());
            return new ClientGuard("", "");
        }
    }

    /**
     * Checks one call.
     *
     * @param client the caller's address
     * @param presentedToken the token the request carried, or null
     * @return null when the call is allowed, otherwise why it is refused
     */
    public String refusal(InetAddress client, String presentedToken) {
        InetAddress plain = unmapped(client);
        if (!IpRange.anyContains(allowed, plain)) {
            return "client " + plain.getHostAddress() + " is not in AllowedClients";
        }
        if (token != null && (presentedToken == null
                || !MessageDigest.isEqual(token, presentedToken.getBytes(StandardCharsets.UTF_8)))) {
            return "missing or wrong API token";
        }
        return null;
    }

    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
