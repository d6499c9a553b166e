package org.oreka.rfb.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFB's VNC Authentication (RFC 6143 7.2.2): the 16-byte challenge encrypted with DES, the key being the first eight
 * bytes of the password (zero-padded) with the bits of each byte reversed, as every VNC server expects.
 */
final class VncAuthentication {

    static final int CHALLENGE_BYTES = 16;

    private VncAuthentication() {
    }

    /** The response to {@code challenge} for {@code password}. */
    static byte[] response(byte[] challenge, String password) {
        if (challenge.length != CHALLENGE_BYTES) {
            throw new IllegalArgumentException("a VNC challenge is 16 bytes");
        }
        byte[] key = new byte[8];
        byte[] bytes = password.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < key.length && i < bytes.length; i++) {
            key[i] = (byte) (Integer.reverse(bytes[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no DES cipher", e);
        }
    }
}
