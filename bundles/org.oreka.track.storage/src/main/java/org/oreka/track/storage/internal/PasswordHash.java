package org.oreka.track.storage.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * OrkWeb password hashes: PBKDF2 with HMAC-SHA256 and a random 16-byte salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64) so that the iteration count can be raised later
 * without invalidating the hashes already stored.
 */
final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when a login string is unknown, so that the answer takes as long as for a known one. */
    private static final String DECOY = hash("decoy".toCharArray(), ITERATIONS);

    private PasswordHash() {
    }

    /** A new stored value for a password. */
    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /**
     * Whether a password matches a stored value, compared in constant time; a null, malformed or foreign stored
     * value matches nothing (but costs as much as a real check).
     */
    static boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            matches(password, DECOY);
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10_000_000 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Whether a stored value was made with fewer iterations than today's (and should be replaced at login). */
    static boolean outdated(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || !parts[1].equals(Integer.toString(ITERATIONS));
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
